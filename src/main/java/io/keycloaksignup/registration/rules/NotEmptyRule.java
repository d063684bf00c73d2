package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * Keycloak's {@code not-empty}: applied to the list of values, it only refuses a list without
 * any value; a single empty string passes.
 */
final class NotEmptyRule implements ValueRule {

    static final String NAME = "not-empty";

    @Override
    public Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        if (values.isEmpty()) {
            return Optional.of(new Violation(AttributeErrorCodes.REQUIRED,
                    "Enter a value.", "error-empty"));
        }
        return Optional.empty();
    }
}
