package io.keycloaksignup.registration;

import java.util.List;
import java.util.Map;

/**
 * A registration request that passed every rule, with its values cleaned up. {@code username} is
 * null when the email is the username.
 */
public record NewRegistration(
        EmailAddress email,
        String username,
        String firstName,
        String lastName,
        String locale,
        Map<String, List<String>> attributes,
        String termsVersion,
        String clientId,
        String redirectUri,
        String source) {

    /** The username Keycloak will get. */
    public String effectiveUsername() {
        return username != null ? username : email.normalized().toLowerCase(java.util.Locale.ROOT);
    }
}
