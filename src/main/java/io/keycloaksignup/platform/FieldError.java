package io.keycloaksignup.platform;

/**
 * One reason why a field was refused: a stable machine code for clients ({@code email_invalid})
 * and a message for people.
 */
public record FieldError(String field, String code, String message) {
}
