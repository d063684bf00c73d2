package io.keycloaksignup.registration;

/**
 * The JSON body of {@code POST /register}. Only {@code username} and {@code locale} are optional;
 * unknown fields are refused so that a misspelt field name is an error, not a silent loss.
 */
public record RegistrationRequest(
        String email,
        String password,
        String firstName,
        String lastName,
        String username,
        String locale) {

    @Override
    public String toString() {
        return "RegistrationRequest[password redacted]";
    }
}
