package io.keycloaksignup.registration.rules;

/** A broken rule before it is tied to a field: our code, a message and Keycloak's error key. */
record Violation(String code, String message, String keycloakError) {
}
