package io.keycloaksignup.keycloak;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hash algorithm and cost a realm wants for stored passwords, read from its
 * {@code passwordPolicy} string. A credential imported in exactly this format is kept by Keycloak
 * as it is; any other format is re-hashed at the user's first login.
 */
public record PasswordHashPolicy(String algorithm, int iterations) {

    public static final String ARGON2 = "argon2";
    public static final String PBKDF2_SHA512 = "pbkdf2-sha512";
    public static final String PBKDF2_SHA256 = "pbkdf2-sha256";
    public static final String PBKDF2_SHA1 = "pbkdf2";

    /** Keycloak 26's default: argon2id, 5 iterations. */
    public static final PasswordHashPolicy KEYCLOAK_DEFAULT = new PasswordHashPolicy(ARGON2, 5);

    private static final Pattern ALGORITHM = Pattern.compile("hashAlgorithm\\(\\s*([^)\\s]+)\\s*\\)");
    private static final Pattern ITERATIONS = Pattern.compile("hashIterations\\(\\s*(\\d+)\\s*\\)");

    /** The policy of a realm; a missing or empty policy string means Keycloak's default. */
    public static PasswordHashPolicy fromRealmPolicy(String passwordPolicy) {
        if (passwordPolicy == null || passwordPolicy.isBlank()) {
            return KEYCLOAK_DEFAULT;
        }
        Matcher algorithmMatch = ALGORITHM.matcher(passwordPolicy);
        String algorithm = algorithmMatch.find() ? algorithmMatch.group(1).toLowerCase(Locale.ROOT) : ARGON2;
        Matcher iterationsMatch = ITERATIONS.matcher(passwordPolicy);
        int iterations = iterationsMatch.find() ? Integer.parseInt(iterationsMatch.group(1))
                : defaultIterations(algorithm);
        return new PasswordHashPolicy(algorithm, iterations);
    }

    /** Keycloak 26's default cost of each algorithm. */
    static int defaultIterations(String algorithm) {
        return switch (algorithm) {
            case PBKDF2_SHA512 -> 210_000;
            case PBKDF2_SHA256 -> 600_000;
            case PBKDF2_SHA1 -> 1_300_000;
            default -> 5;
        };
    }

    public boolean isSupported() {
        return switch (algorithm) {
            case ARGON2, PBKDF2_SHA512, PBKDF2_SHA256, PBKDF2_SHA1 -> iterations > 0;
            default -> false;
        };
    }
}
