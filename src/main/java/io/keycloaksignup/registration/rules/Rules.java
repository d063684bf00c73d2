package io.keycloaksignup.registration.rules;

import java.util.Map;
import java.util.Optional;

/**
 * Keycloak's validators by the names a profile uses for them. A name not listed here, such as
 * a custom validator deployed into Keycloak, is skipped with a single warning: this service
 * cannot run it, and Keycloak still will when the user is created.
 */
final class Rules {

    private static final Map<String, ValueRule> BY_NAME = Map.ofEntries(
            Map.entry(LengthRule.NAME, new LengthRule()),
            Map.entry(PatternRule.NAME, new PatternRule()),
            Map.entry(EmailRule.NAME, new EmailRule()),
            Map.entry(OptionsRule.NAME, new OptionsRule()),
            Map.entry(NumberRule.INTEGER, NumberRule.integers()),
            Map.entry(NumberRule.DOUBLE, NumberRule.decimals()),
            Map.entry(UriRule.NAME, new UriRule()),
            Map.entry(LocalDateRule.NAME, new LocalDateRule()),
            Map.entry(IsoDateRule.NAME, new IsoDateRule()),
            Map.entry(ProhibitedCharactersRule.PERSON_NAME, ProhibitedCharactersRule.personName()),
            Map.entry(ProhibitedCharactersRule.USERNAME, ProhibitedCharactersRule.username()),
            Map.entry(IdnHomographRule.NAME, new IdnHomographRule()),
            Map.entry(MultivaluedRule.NAME, new MultivaluedRule()),
            Map.entry(NotBlankRule.NAME, new NotBlankRule()),
            Map.entry(NotEmptyRule.NAME, new NotEmptyRule()));

    private Rules() {
    }

    static Optional<ValueRule> named(String validatorName, String attribute) {
        ValueRule rule = BY_NAME.get(validatorName);
        if (rule == null) {
            WarnOnce.warn("validator:" + validatorName,
                    "User profile validator %s (first seen on attribute %s) is not known to this "
                            + "service; values are not checked against it before Keycloak",
                    validatorName, attribute);
        }
        return Optional.ofNullable(rule);
    }
}
