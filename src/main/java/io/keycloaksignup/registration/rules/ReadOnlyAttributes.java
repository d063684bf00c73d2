package io.keycloaksignup.registration.rules;

import java.util.Set;

/**
 * Attributes that Keycloak keeps for itself and refuses from users in every context, whatever
 * the profile declares: its default {@code read-only-attributes}. A server may configure more;
 * those are not known here.
 */
final class ReadOnlyAttributes {

    private static final Set<String> NAMES = Set.of("KERBEROS_PRINCIPAL", "LDAP_ID",
            "LDAP_ENTRY_DN", "CREATED_TIMESTAMP", "createTimestamp", "modifyTimestamp",
            "userCertificate", "ENABLED", "EMAIL_VERIFIED", "disabledReason", "kc.email.pending");
    private static final String SAML_NAME_ID_PREFIX = "saml.persistent.name.id.for.";
    /** Where Keycloak keeps its own read-only rules; never an attribute. */
    private static final String READ_ONLY_KEY = "kc.read.only";

    private ReadOnlyAttributes() {
    }

    static boolean contains(String name) {
        return NAMES.contains(name) || name.startsWith(SAML_NAME_ID_PREFIX)
                || READ_ONLY_KEY.equals(name);
    }
}
