package io.keycloaksignup.registration.rules;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Keycloak's {@code iso-date}: an existing calendar date written {@code yyyy-MM-dd}, as an HTML
 * date input sends it.
 */
final class IsoDateRule extends PerValueRule {

    static final String NAME = "iso-date";

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        try {
            DateTimeFormatter.ISO_LOCAL_DATE.parse(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Enter a date like 2001-12-31.", "error-invalid-date"));
        }
    }
}
