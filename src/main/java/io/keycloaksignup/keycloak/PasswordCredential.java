package io.keycloaksignup.keycloak;

/**
 * A password credential exactly as Keycloak's admin API imports it: {@code secretData} holds the
 * hash and salt, {@code credentialData} the algorithm and its parameters (both JSON strings).
 */
public record PasswordCredential(String secretData, String credentialData) {

    @Override
    public String toString() {
        return "PasswordCredential[redacted]";
    }
}
