package io.keycloaksignup.registration.rules;

import java.util.Locale;

/**
 * What Keycloak does with attributes that the profile does not declare. Keycloak leaves the
 * field out of the JSON when unmanaged attributes are off, which is {@link #DISABLED} here.
 */
public enum UnmanagedAttributePolicy {
    /** Keycloak drops undeclared attributes: nobody can set them. */
    DISABLED,
    /** Users and administrators may set undeclared attributes. */
    ENABLED,
    /** Only administrators see undeclared attributes; nobody edits them through the profile. */
    ADMIN_VIEW,
    /** Only administrators see and edit undeclared attributes. */
    ADMIN_EDIT;

    static UnmanagedAttributePolicy fromJson(String value) {
        if (value == null || value.isBlank()) {
            return DISABLED;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown unmanagedAttributePolicy: " + value, e);
        }
    }

    /** Whether a self-registering user may send undeclared attributes under this policy. */
    public boolean letsUsersSetUnmanagedAttributes() {
        return this == ENABLED;
    }
}
