package io.keycloaksignup.keycloak;

/**
 * The sign-up settings in force, each from {@code signup.registration.*} when set, else from the
 * realm, else Keycloak's default. {@code userProfile} is the realm's declarative user profile as
 * JSON, or null when it could not be read (Keycloak's default profile then applies).
 */
public record RegistrationSettings(
        boolean emailAsUsername,
        boolean loginWithEmail,
        boolean duplicateEmails,
        String passwordPolicy,
        String userProfile) {
}
