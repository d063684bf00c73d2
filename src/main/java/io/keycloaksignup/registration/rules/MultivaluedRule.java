package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * Keycloak's {@code multivalued}: the number of non-blank values lies between {@code min}
 * (default 1 when the attribute is required, else 0) and {@code max}. No value at all is left
 * to the requirement check. Keycloak adds this rule with {@code max} 1 to every attribute not
 * declared multivalued, see {@link SingleValueRule}.
 */
final class MultivaluedRule implements ValueRule {

    static final String NAME = "multivalued";
    static final String KEY_MIN = "min";
    static final String KEY_MAX = "max";
    static final String KEYCLOAK_ERROR = "error-invalid-multivalued-size";

    @Override
    public Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        long count = Blank.countNonBlank(values);
        if (count == 0 && context.required()) {
            return Optional.empty();
        }
        Long configuredMin = config.longValue(KEY_MIN);
        long min = configuredMin != null ? configuredMin : (context.required() ? 1 : 0);
        Long max = config.longValue(KEY_MAX);
        if (count < min) {
            return Optional.of(new Violation(AttributeErrorCodes.TOO_FEW_VALUES,
                    "Give at least " + values(min) + ".", KEYCLOAK_ERROR));
        }
        if (max != null && count > max) {
            return Optional.of(new Violation(AttributeErrorCodes.TOO_MANY_VALUES,
                    "Give at most " + values(max) + ".", KEYCLOAK_ERROR));
        }
        return Optional.empty();
    }

    private static String values(long count) {
        return count + (count == 1 ? " value" : " values");
    }
}
