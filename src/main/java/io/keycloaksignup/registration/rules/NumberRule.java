package io.keycloaksignup.registration.rules;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Keycloak's {@code integer} and {@code double}. Blank values are skipped (not only empty
 * ones). An integer is what {@link Long#valueOf(String)} accepts: an optional sign and digits,
 * no spaces. A double is what {@link Double#valueOf(String)} accepts, which includes
 * surrounding spaces, exponents, {@code NaN} and {@code Infinity}. Bounds are inclusive and a
 * bound that cannot be read is ignored; the error key, as in Keycloak, names the configured
 * bounds.
 */
final class NumberRule extends PerValueRule {

    static final String INTEGER = "integer";
    static final String DOUBLE = "double";
    static final String KEY_MIN = "min";
    static final String KEY_MAX = "max";

    private final boolean whole;

    private NumberRule(boolean whole) {
        this.whole = whole;
    }

    static NumberRule integers() {
        return new NumberRule(true);
    }

    static NumberRule decimals() {
        return new NumberRule(false);
    }

    @Override
    boolean skips(String value) {
        return value.isBlank();
    }

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        Number number;
        try {
            number = parse(value);
        } catch (NumberFormatException e) {
            return Optional.of(new Violation(AttributeErrorCodes.NOT_A_NUMBER,
                    whole ? "Enter a whole number." : "Enter a number.", "error-invalid-number"));
        }
        Number min = bound(config, KEY_MIN);
        Number max = bound(config, KEY_MAX);
        if ((min != null && greater(min, number)) || (max != null && greater(number, max))) {
            return Optional.of(new Violation(AttributeErrorCodes.OUT_OF_RANGE, message(min, max),
                    keycloakError(config)));
        }
        return Optional.empty();
    }

    private Number bound(ValidatorConfig config, String key) {
        if (whole) {
            return config.longValue(key);
        }
        return config.doubleValue(key);
    }

    /** Parsed apart, since a conditional expression would unbox both kinds into a double. */
    private Number parse(String value) {
        if (whole) {
            return Long.valueOf(value);
        }
        return Double.valueOf(value);
    }

    private boolean greater(Number first, Number second) {
        return whole ? first.longValue() > second.longValue()
                : first.doubleValue() > second.doubleValue();
    }

    private static String keycloakError(ValidatorConfig config) {
        if (!config.containsKey(KEY_MAX)) {
            return "error-number-out-of-range-too-small";
        }
        if (!config.containsKey(KEY_MIN)) {
            return "error-number-out-of-range-too-big";
        }
        return "error-number-out-of-range";
    }

    private static String message(Number min, Number max) {
        if (max == null) {
            return "Enter a number of at least " + format(min) + ".";
        }
        if (min == null) {
            return "Enter a number of at most " + format(max) + ".";
        }
        return "Enter a number from " + format(min) + " to " + format(max) + ".";
    }

    private static String format(Number number) {
        if (number instanceof Double value && Double.isFinite(value)) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(number);
    }
}
