package io.keycloaksignup.keycloak;

/** Keycloak could not be reached, answered 5xx, or refused the service account. */
public class KeycloakUnavailableException extends RuntimeException {

    public KeycloakUnavailableException(String message) {
        super(message);
    }

    public KeycloakUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
