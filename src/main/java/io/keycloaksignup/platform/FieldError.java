package io.keycloaksignup.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason why a field was refused: a stable machine code for clients ({@code email_invalid}),
 * a message for people, and, where Keycloak has one for the same rule, Keycloak's own error key
 * ({@code error-invalid-length}), so that clients built for Keycloak's messages can reuse them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String code, String message, String keycloakError) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, null);
    }
}
