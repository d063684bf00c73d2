package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * The {@code multivalued} rule with {@code max} 1 that Keycloak adds to an attribute not
 * declared multivalued, unless the profile configures a {@code multivalued} validator for it.
 * Blank values do not count.
 */
final class SingleValueRule implements ValueRule {

    @Override
    public Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        if (Blank.countNonBlank(values) <= 1) {
            return Optional.empty();
        }
        return Optional.of(new Violation(AttributeErrorCodes.NOT_MULTIVALUED,
                "Give a single value: this attribute is not multivalued.",
                MultivaluedRule.KEYCLOAK_ERROR));
    }
}
