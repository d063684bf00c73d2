package io.keycloaksignup.registration.rules;

import java.util.Set;

/**
 * The {@code required} block of a profile attribute. Keycloak reads it as: no roles and no
 * scopes means everyone; roles name who must fill it in; scopes make it required only when the
 * client asked for one of them during an authentication flow.
 */
public record AttributeRequirement(Set<String> roles, Set<String> scopes) {

    public AttributeRequirement {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** Required for everyone, whatever the role or the requested scopes. */
    public boolean isAlways() {
        return roles.isEmpty() && scopes.isEmpty();
    }

    /**
     * Whether a self-registering user must fill the attribute in. Sign-ups through this service
     * request no OAuth scope, so a requirement that depends on scopes never applies, just as in
     * Keycloak's registration form when the client did not ask for the scope.
     */
    public boolean appliesToSelfRegistration() {
        return isAlways() || (scopes.isEmpty() && roles.contains(UserProfile.ROLE_USER));
    }
}
