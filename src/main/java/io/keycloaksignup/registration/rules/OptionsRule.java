package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keycloak's {@code options}: each value must equal, case included, one entry of the
 * {@code options} array. Without such an array Keycloak accepts no value at all.
 */
final class OptionsRule extends PerValueRule {

    static final String NAME = "options";
    static final String KEY_OPTIONS = "options";
    private static final int LISTED_OPTIONS = 10;

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        List<?> options = config.list(KEY_OPTIONS);
        if (options != null && options.contains(value)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(AttributeErrorCodes.INVALID, message(options),
                "error-invalid-value"));
    }

    private static String message(List<?> options) {
        if (options == null || options.isEmpty() || options.size() > LISTED_OPTIONS) {
            return "This value is not one of the allowed options.";
        }
        return options.stream().map(String::valueOf)
                .collect(Collectors.joining(", ", "Choose one of: ", "."));
    }
}
