package io.keycloaksignup.registration;

/** What {@code POST /register} did. */
public sealed interface RegistrationOutcome {

    /** Stored as pending (or ignored without saying so); a verification mail may be on its way. */
    record Accepted() implements RegistrationOutcome { }

    /** Email verification is off: the Keycloak user was created at once. */
    record Created(String keycloakUserId) implements RegistrationOutcome { }
}
