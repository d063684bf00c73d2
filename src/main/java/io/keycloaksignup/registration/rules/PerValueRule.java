package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * A rule applied to each value on its own. Keycloak configures every validator of the user
 * profile to pass over empty strings, so that an empty optional field is not an error and a
 * missing required one is reported once, by the requirement.
 */
abstract class PerValueRule implements ValueRule {

    @Override
    public final Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        for (String value : values) {
            if (value == null || skips(value)) {
                continue;
            }
            Optional<Violation> violation = checkValue(value, config, context);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** Empty strings are skipped; blank ones are checked, as Keycloak does for most rules. */
    boolean skips(String value) {
        return value.isEmpty();
    }

    abstract Optional<Violation> checkValue(String value, ValidatorConfig config,
            RuleContext context);
}
