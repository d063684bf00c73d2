package io.keycloaksignup.registration.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Keycloak's UPConfig JSON. Unknown fields are skipped, so that a newer Keycloak adding
 * fields does not break sign-ups.
 */
final class UserProfileParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UserProfileParser() {
    }

    static UserProfile parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("The user profile JSON is empty");
        }
        try {
            return parse(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The user profile is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static UserProfile parse(InputStream json) throws IOException {
        return parse(MAPPER.readTree(json));
    }

    static UserProfile parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The user profile must be a JSON object");
        }
        List<ProfileAttribute> attributes = new ArrayList<>();
        forEach(root.get("attributes"), node -> attributes.add(attribute(node)));
        List<AttributeGroup> groups = new ArrayList<>();
        forEach(root.get("groups"), node -> groups.add(group(node)));
        UnmanagedAttributePolicy policy = UnmanagedAttributePolicy.fromJson(
                JsonValues.text(root, "unmanagedAttributePolicy"));
        return new UserProfile(attributes, groups, policy);
    }

    private static ProfileAttribute attribute(JsonNode node) {
        String name = JsonValues.text(node, "name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A user profile attribute has no name");
        }
        JsonNode selector = node.get("selector");
        JsonNode multivalued = node.get("multivalued");
        return ProfileAttribute.builder(name)
                .displayName(JsonValues.text(node, "displayName"))
                .validations(validations(node.get("validations")))
                .annotations(JsonValues.toMap(node.get("annotations")))
                .required(requirement(node.get("required")))
                .permissions(permissions(node.get("permissions")))
                .selectorScopes(JsonValues.stringSet(selector, "scopes"))
                .multivalued(multivalued != null && multivalued.asBoolean(false))
                .group(JsonValues.text(node, "group"))
                .defaultValue(JsonValues.text(node, "defaultValue"))
                .build();
    }

    private static List<ValidatorSpec> validations(JsonNode node) {
        List<ValidatorSpec> specs = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> specs.add(new ValidatorSpec(entry.getKey(),
                    new ValidatorConfig(JsonValues.toMap(entry.getValue())))));
        }
        return specs;
    }

    private static AttributeRequirement requirement(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new AttributeRequirement(JsonValues.stringSet(node, "roles"),
                JsonValues.stringSet(node, "scopes"));
    }

    private static AttributePermissions permissions(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new AttributePermissions(JsonValues.stringSet(node, "view"),
                JsonValues.stringSet(node, "edit"));
    }

    private static AttributeGroup group(JsonNode node) {
        return new AttributeGroup(JsonValues.text(node, "name"),
                JsonValues.text(node, "displayHeader"),
                JsonValues.text(node, "displayDescription"),
                JsonValues.toMap(node.get("annotations")));
    }

    private static void forEach(JsonNode array, Consumer<JsonNode> action) {
        if (array != null && array.isArray()) {
            array.forEach(action);
        }
    }
}
