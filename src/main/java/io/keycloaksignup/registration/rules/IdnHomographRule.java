package io.keycloaksignup.registration.rules;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Optional;

/**
 * Keycloak's {@code up-username-not-idn-homograph}: the first value, unless blank, may only
 * contain characters of the Latin and the Common Unicode scripts (letters, digits, punctuation
 * and symbols shared by all scripts), so that a username cannot imitate another one with
 * look-alike letters from, say, Cyrillic. Combining accents are of neither script.
 */
final class IdnHomographRule implements ValueRule {

    static final String NAME = "up-username-not-idn-homograph";
    static final String KEY_ERROR_MESSAGE = "error-message";

    @Override
    public Optional<Violation> check(List<String> values, ValidatorConfig config,
            RuleContext context) {
        String first = values.isEmpty() ? null : values.get(0);
        if (Blank.isBlankTrimmed(first)
                || first.codePoints().allMatch(IdnHomographRule::isAllowed)) {
            return Optional.empty();
        }
        String key = config.string(KEY_ERROR_MESSAGE);
        return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                "Use Latin letters, digits and common symbols only.",
                key == null || key.isBlank() ? "error-username-invalid-character" : key));
    }

    private static boolean isAllowed(int c) {
        UnicodeScript script = UnicodeScript.of(c);
        return script == UnicodeScript.LATIN || script == UnicodeScript.COMMON;
    }
}
