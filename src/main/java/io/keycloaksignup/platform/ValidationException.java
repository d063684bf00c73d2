package io.keycloaksignup.platform;

import java.util.List;

/** Input that breaks one or more rules; answered with 400 and one entry per field error. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::code).toList(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
