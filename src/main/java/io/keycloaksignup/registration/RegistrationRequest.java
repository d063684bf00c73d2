package io.keycloaksignup.registration;

import java.util.Map;

/**
 * The JSON body of {@code POST /register}. {@code email}, {@code password}, {@code firstName} and
 * {@code lastName} are always required; {@code username} is required unless the realm uses the email
 * as username; {@code attributes} holds the realm's user-profile attributes (a string or a list of
 * strings each); {@code acceptTerms} is required when terms are configured; {@code clientId} and
 * {@code redirectUri} say where the person continues after confirming. Unknown fields are refused,
 * so that a misspelt field name is an error, not a silent loss.
 */
public record RegistrationRequest(
        String email,
        String password,
        String firstName,
        String lastName,
        String username,
        String locale,
        Map<String, Object> attributes,
        Boolean acceptTerms,
        String clientId,
        String redirectUri) {

    /** The fields of the first version of the API; the rest unset. */
    public RegistrationRequest(String email, String password, String firstName, String lastName,
            String username, String locale) {
        this(email, password, firstName, lastName, username, locale, null, null, null, null);
    }

    @Override
    public String toString() {
        return "RegistrationRequest[password redacted]";
    }
}
