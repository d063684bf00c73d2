package io.keycloaksignup.registration.rules;

import java.util.Optional;

/**
 * Keycloak's {@code length}: the value, trimmed of leading and trailing spaces and control
 * characters unless {@code trim-disabled}, has between {@code min} and {@code max} UTF-16 code
 * units. Keycloak's error key says which bounds are configured, not which one was broken.
 */
final class LengthRule extends PerValueRule {

    static final String NAME = "length";
    static final String KEY_MIN = "min";
    static final String KEY_MAX = "max";
    static final String KEY_TRIM_DISABLED = "trim-disabled";

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        Integer min = config.integer(KEY_MIN);
        Integer max = config.integer(KEY_MAX);
        String measured = config.bool(KEY_TRIM_DISABLED, false) ? value : value.trim();
        int length = measured.length();
        if (min != null && length < min) {
            return Optional.of(new Violation(AttributeErrorCodes.TOO_SHORT, message(min, max),
                    keycloakError(config)));
        }
        if (max != null && length > max) {
            return Optional.of(new Violation(AttributeErrorCodes.TOO_LONG, message(min, max),
                    keycloakError(config)));
        }
        return Optional.empty();
    }

    private static String keycloakError(ValidatorConfig config) {
        if (!config.containsKey(KEY_MAX)) {
            return "error-invalid-length-too-short";
        }
        if (!config.containsKey(KEY_MIN)) {
            return "error-invalid-length-too-long";
        }
        return "error-invalid-length";
    }

    private static String message(Integer min, Integer max) {
        if (max == null) {
            return "Use at least " + min + " characters.";
        }
        if (min == null || min <= 0) {
            return "Use at most " + max + " characters.";
        }
        return "Use between " + min + " and " + max + " characters.";
    }
}
