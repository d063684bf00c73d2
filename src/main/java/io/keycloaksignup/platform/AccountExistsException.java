package io.keycloaksignup.platform;

/**
 * Keycloak already has an account with this email or username, and the caller is entitled to
 * know (only when email verification is off, as with Keycloak's own form); answered with 409.
 */
public class AccountExistsException extends RuntimeException {

    public AccountExistsException() {
        super("account exists", null, false, false);
    }
}
