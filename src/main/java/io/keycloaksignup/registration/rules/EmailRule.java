package io.keycloaksignup.registration.rules;

import java.util.Optional;

/**
 * Keycloak's {@code email}: the syntax of {@link EmailSyntax}, with the local part limited to
 * {@code max-local-length} or else the server's limit, and, in realms whose SMTP settings do
 * not allow UTF-8, no character beyond ASCII before the {@code @}.
 */
final class EmailRule extends PerValueRule {

    static final String NAME = "email";
    static final String KEY_MAX_LOCAL_LENGTH = "max-local-length";
    private static final int ASCII_LIMIT = 128;

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        Integer configured = config.integer(KEY_MAX_LOCAL_LENGTH);
        int maxLocal = configured != null ? configured : context.realm().maxEmailLocalPartLength();
        if (!EmailSyntax.isValid(value, maxLocal)) {
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Enter an email address like name@example.com.", "error-invalid-email"));
        }
        int at = value.lastIndexOf('@');
        if (context.realm().asciiOnlyEmailLocalPart()
                && value.substring(0, at).chars().anyMatch(c -> c >= ASCII_LIMIT)) {
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Use only ASCII letters, digits and symbols before the @.",
                    "error-non-ascii-local-part-email"));
        }
        return Optional.empty();
    }
}
