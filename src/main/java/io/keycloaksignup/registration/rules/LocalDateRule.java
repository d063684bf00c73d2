package io.keycloaksignup.registration.rules;

import java.text.DateFormat;
import java.text.ParseException;
import java.util.GregorianCalendar;
import java.util.Optional;

/**
 * Keycloak's {@code local-date}: the value is a date in the short date format of the request's
 * locale (for English {@code M/d/yy}, so {@code 12/31/1999} but not {@code 1999-12-31}), read
 * strictly. Like Keycloak, which uses {@link DateFormat#parse(String)}, text after a valid date
 * is ignored.
 */
final class LocalDateRule extends PerValueRule {

    static final String NAME = "local-date";

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.SHORT, context.realm().locale());
        format.setLenient(false);
        try {
            format.parse(value);
            return Optional.empty();
        } catch (ParseException e) {
            String example = format.format(new GregorianCalendar(2001, 11, 31).getTime());
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Enter a date like " + example + ".", "error-invalid-date"));
        }
    }
}
