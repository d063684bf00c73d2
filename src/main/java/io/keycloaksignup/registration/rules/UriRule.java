package io.keycloaksignup.registration.rules;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak's {@code uri}: the value parses as a {@link URI}; its scheme, if it has one, is in
 * {@code allowedSchemes} (case-sensitive, default http and https); it has no fragment when
 * {@code allowFragment} is false; and, with {@code requireValidUrl} (the default), Java can turn
 * it into a URL, which needs an absolute URI with a known protocol.
 */
final class UriRule extends PerValueRule {

    static final String NAME = "uri";
    static final String KEY_ALLOWED_SCHEMES = "allowedSchemes";
    static final String KEY_ALLOW_FRAGMENT = "allowFragment";
    static final String KEY_REQUIRE_VALID_URL = "requireValidUrl";
    private static final List<String> DEFAULT_SCHEMES = List.of("http", "https");

    @Override
    Optional<Violation> checkValue(String value, ValidatorConfig config, RuleContext context) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return invalid("error-invalid-uri");
        }
        List<?> configured = config.list(KEY_ALLOWED_SCHEMES);
        Set<Object> schemes = new HashSet<>(configured == null ? DEFAULT_SCHEMES : configured);
        if (uri.getScheme() != null && !schemes.contains(uri.getScheme())) {
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Use an address starting with " + describe(schemes) + ".",
                    "error-invalid-uri-scheme"));
        }
        if (!config.bool(KEY_ALLOW_FRAGMENT, true) && uri.getFragment() != null) {
            return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                    "Use an address without a #fragment.", "error-invalid-uri-fragment"));
        }
        if (config.bool(KEY_REQUIRE_VALID_URL, true)) {
            try {
                uri.toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                return invalid("error-invalid-uri");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> invalid(String keycloakError) {
        return Optional.of(new Violation(AttributeErrorCodes.INVALID,
                "Enter a full address like https://example.com.", keycloakError));
    }

    private static String describe(Set<Object> schemes) {
        return schemes.isEmpty() ? "an allowed scheme"
                : String.join(" or ", schemes.stream().map(s -> s + ":").sorted().toList());
    }
}
