package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * Keycloak's {@code not-blank}, which ignores the empty-value convention of the other
 * validators: at least one value, and none of them blank after trimming.
 */
final class NotBlankRule implements ValueRule {

    static final String NAME = "not-blank";

    @Override
    public Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        if (values.isEmpty() || values.stream().anyMatch(Blank::isBlankTrimmed)) {
            return Optional.of(new Violation(AttributeErrorCodes.REQUIRED,
                    "Enter a value.", "error-invalid-blank"));
        }
        return Optional.empty();
    }
}
