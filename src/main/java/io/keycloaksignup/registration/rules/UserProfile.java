package io.keycloaksignup.registration.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A realm's declarative user profile, as {@code GET /admin/realms/{realm}/users/profile}
 * returns it, read from the point of view of a user who registers themselves (role
 * {@code user}). Immutable, so one instance can serve all requests until the profile is read
 * again.
 */
public final class UserProfile {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String USERNAME = "username";
    public static final String EMAIL = "email";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";

    private static final String DEFAULT_PROFILE = "keycloak-default-user-profile.json";
    private static final UserProfile KEYCLOAK_DEFAULT = loadDefault();

    private final Map<String, ProfileAttribute> attributes;
    private final Map<String, AttributeGroup> groups;
    private final UnmanagedAttributePolicy unmanagedAttributePolicy;

    UserProfile(List<ProfileAttribute> attributes, List<AttributeGroup> groups,
            UnmanagedAttributePolicy unmanagedAttributePolicy) {
        Map<String, ProfileAttribute> byName = new LinkedHashMap<>();
        attributes.forEach(attribute -> byName.putIfAbsent(attribute.name(), attribute));
        Map<String, AttributeGroup> groupsByName = new LinkedHashMap<>();
        groups.forEach(group -> groupsByName.putIfAbsent(group.name(), group));
        this.attributes = Collections.unmodifiableMap(byName);
        this.groups = Collections.unmodifiableMap(groupsByName);
        this.unmanagedAttributePolicy = unmanagedAttributePolicy;
    }

    /**
     * Reads the profile JSON of the admin API.
     *
     * @throws IllegalArgumentException if the text is not such a profile
     */
    public static UserProfile parse(String json) {
        return UserProfileParser.parse(json);
    }

    /** Reads a profile already parsed by Jackson, for instance from a REST client. */
    public static UserProfile from(JsonNode json) {
        return UserProfileParser.parse(json);
    }

    /**
     * The profile Keycloak 26 gives a realm until an administrator changes it: username, email,
     * first and last name with their default validators and no unmanaged attributes.
     */
    public static UserProfile keycloakDefault() {
        return KEYCLOAK_DEFAULT;
    }

    /** Every declared attribute, in declared order, whoever may see or edit it. */
    public List<ProfileAttribute> attributes() {
        return List.copyOf(attributes.values());
    }

    /**
     * The attributes a self-registering user may fill in, in declared order: editable by the
     * role {@code user} and not hidden behind a scope selector.
     */
    public List<ProfileAttribute> userEditableAttributes() {
        return attributes.values().stream()
                .filter(ProfileAttribute::isUserEditable)
                .filter(ProfileAttribute::isSelectedForRegistration)
                .toList();
    }

    public Optional<ProfileAttribute> attribute(String name) {
        return Optional.ofNullable(name).map(attributes::get);
    }

    /** Whether the profile declares the attribute, whoever may edit it. */
    public boolean isDeclared(String name) {
        return name != null && attributes.containsKey(name);
    }

    /** Declared, but not editable by the user: only an administrator may set it. */
    public boolean isAdminOnly(String name) {
        return attribute(name).map(attribute -> !attribute.isUserEditable()).orElse(false);
    }

    public List<AttributeGroup> groups() {
        return List.copyOf(groups.values());
    }

    public Optional<AttributeGroup> group(String name) {
        return Optional.ofNullable(name).map(groups::get);
    }

    public UnmanagedAttributePolicy unmanagedAttributePolicy() {
        return unmanagedAttributePolicy;
    }

    /** Username and email, whose editability and requirement Keycloak partly fixes itself. */
    static boolean isBuiltIn(String name) {
        return USERNAME.equals(name) || EMAIL.equals(name);
    }

    private static UserProfile loadDefault() {
        try (InputStream in = UserProfile.class.getResourceAsStream(DEFAULT_PROFILE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEFAULT_PROFILE);
            }
            return UserProfileParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
