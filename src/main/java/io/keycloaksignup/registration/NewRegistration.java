package io.keycloaksignup.registration;

/** A registration request that passed every rule, with its values cleaned up. */
public record NewRegistration(
        EmailAddress email,
        String username,
        String firstName,
        String lastName,
        String locale) {
}
