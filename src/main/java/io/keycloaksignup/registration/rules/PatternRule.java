package io.keycloaksignup.registration.rules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keycloak's {@code pattern}: the whole value must match the Java regular expression
 * ({@code matches}, not {@code find}), without flags. The error key is the configured
 * {@code error-message}, else {@code error-pattern-no-match}. A missing or broken pattern makes
 * Keycloak fail the request, so such values are refused here too.
 */
final class PatternRule extends PerValueRule {

    static final String NAME = "pattern";
    static final String KEY_PATTERN = "pattern";
    static final String KEY_ERROR_MESSAGE = "error-message";

    private static final Pattern MATCHES_NOTHING = Pattern.compile("(?!)");
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        Pattern pattern = compiled(config.string(KEY_PATTERN), context.attribute());
        if (pattern.matcher(value).matches()) {
            return Optional.empty();
        }
        String key = config.string(KEY_ERROR_MESSAGE);
        return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                "This value does not have the expected format.",
                key == null ? "error-pattern-no-match" : key));
    }

    private static Pattern compiled(String regex, String attribute) {
        if (regex == null) {
            WarnOnce.warn("no-pattern:" + attribute,
                    "The pattern validator of attribute %s has no pattern; its values are refused",
                    attribute);
            return MATCHES_NOTHING;
        }
        return COMPILED.computeIfAbsent(regex, text -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                WarnOnce.warn("bad-pattern:" + text,
                        "The pattern of attribute %s does not compile (%s); its values are refused",
                        attribute, e.getDescription());
                return MATCHES_NOTHING;
            }
        });
    }
}
