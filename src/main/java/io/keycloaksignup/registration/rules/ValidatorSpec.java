package io.keycloaksignup.registration.rules;

import java.util.Objects;

/** One entry of an attribute's {@code validations}: the validator's name and its configuration. */
public record ValidatorSpec(String name, ValidatorConfig config) {

    public ValidatorSpec {
        Objects.requireNonNull(name, "name");
        config = config == null ? ValidatorConfig.EMPTY : config;
    }
}
