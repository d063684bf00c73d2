package io.keycloaksignup.registration.rules;

import java.util.Optional;

/**
 * Keycloak's {@code person-name-prohibited-characters} and
 * {@code username-prohibited-characters}: a value may not contain certain symbols, ASCII
 * control characters or line-breaking whitespace; usernames may contain no whitespace at all.
 * The username check is off when the realm uses the email as username. The error key is the
 * configured {@code error-message}, else Keycloak's default for the rule.
 */
final class ProhibitedCharactersRule extends PerValueRule {

    static final String PERSON_NAME = "person-name-prohibited-characters";
    static final String USERNAME = "username-prohibited-characters";
    static final String KEY_ERROR_MESSAGE = "error-message";

    private static final String NAME_SYMBOLS = "<>&\"$%!#?§;*~/\\|^=[]{}()";
    private static final String USERNAME_SYMBOLS = "<>&\"'$%!#?§,;:*~/\\|^=[]{}()`";

    private final boolean username;

    private ProhibitedCharactersRule(boolean username) {
        this.username = username;
    }

    static ProhibitedCharactersRule personName() {
        return new ProhibitedCharactersRule(false);
    }

    static ProhibitedCharactersRule username() {
        return new ProhibitedCharactersRule(true);
    }

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        if (username && context.realm().registrationEmailAsUsername()) {
            return Optional.empty();
        }
        if (value.codePoints().noneMatch(this::isProhibited)) {
            return Optional.empty();
        }
        String key = config.string(KEY_ERROR_MESSAGE);
        if (key == null) {
            key = username ? "error-username-invalid-character"
                    : "error-person-name-invalid-character";
        }
        return Optional.of(new Violation(AttributeErrorCodes.INVALID, message(), key));
    }

    private boolean isProhibited(int c) {
        if (c < 0x20 || c == 0x7F || isLineBreaking(c)) {
            return true;
        }
        if (username) {
            return USERNAME_SYMBOLS.indexOf(c) >= 0 || isHorizontalSpace(c);
        }
        return NAME_SYMBOLS.indexOf(c) >= 0;
    }

    /** The vertical whitespace of Java's regular expressions ({@code \v}). */
    private static boolean isLineBreaking(int c) {
        return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** The horizontal whitespace of Java's regular expressions ({@code \h}). */
    private static boolean isHorizontalSpace(int c) {
        return c == ' ' || c == '\t' || c == 0xA0 || c == 0x1680 || c == 0x180E
                || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private String message() {
        if (username) {
            return "Use no spaces and none of these characters: " + spaced(USERNAME_SYMBOLS);
        }
        return "Names cannot contain these characters: " + spaced(NAME_SYMBOLS);
    }

    private static String spaced(String symbols) {
        return String.join(" ", symbols.split("")) + ".";
    }
}
