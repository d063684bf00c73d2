package io.keycloaksignup.registration.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON into plain, unmodifiable Java values the way Keycloak sees its {@code Map<String,
 * Object>} configuration: whole numbers as Integer or Long, fractions as Double, arrays as
 * lists and objects as maps in their declared order.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(toJava(item)));
            return Collections.unmodifiableList(items);
        }
        return toMap(node);
    }

    static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(field -> map.put(field.getKey(), toJava(field.getValue())));
        return Collections.unmodifiableMap(map);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Set<String> stringSet(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        if (array == null || !array.isArray()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        array.forEach(item -> values.add(item.asText()));
        return Collections.unmodifiableSet(values);
    }
}
