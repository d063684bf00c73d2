package io.keycloaksignup.registration;

/** Where a registration is in its life; every move between states is one conditional UPDATE. */
public enum RegistrationState {
    /** Waiting for the person to confirm the address. */
    PENDING,
    /** Address confirmed; the Keycloak user is being created. */
    VERIFIED,
    /** The Keycloak user exists. */
    PROVISIONED,
    /** The link was not used in time. */
    EXPIRED,
    /** Keycloak already had an account for this address or username that is not ours. */
    CONFLICT
}
