package io.keycloaksignup.registration.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A realm's {@code passwordPolicy} string taken apart into policy names and their arguments,
 * exactly as Keycloak 26.7.3 does it, so that both sides read the same rules out of one string.
 *
 * <p>Confirmed in {@code org.keycloak.models.PasswordPolicy.Builder(String)}:
 * <ul>
 *   <li>{@code null} or a blank string holds no policy;</li>
 *   <li>entries are separated by the literal, case-sensitive text {@code " and "}
 *       ({@link String#split}, so trailing empty pieces vanish);</li>
 *   <li>each piece is trimmed; without a {@code '('} the piece is the name and there is no
 *       argument; otherwise the name is the trimmed text before the first {@code '('} and the
 *       argument is everything after it except the piece's last character (meant to be the
 *       closing parenthesis), not trimmed;</li>
 *   <li>a name given twice keeps only its last argument (Keycloak keeps the entries in a map
 *       keyed by name). That is why several {@code regexPattern} entries do not add up: only
 *       the last one is enforced.</li>
 * </ul>
 */
final class PolicyString {

    private static final String SEPARATOR = " and ";

    private PolicyString() {
    }

    /**
     * Returns the entries in the order of their first appearance; a {@code null} value means
     * the policy was named without parentheses (Keycloak then uses the policy's default).
     *
     * @throws IllegalArgumentException for a piece like {@code "length("}, which Keycloak
     *         cannot parse either (it fails with an index error and never stores such a policy)
     */
    static Map<String, String> entries(String policy) {
        if (policy == null || policy.isBlank()) {
            return Map.of();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (String piece : policy.split(SEPARATOR)) {
            String entry = piece.trim();
            int open = entry.indexOf('(');
            if (open < 0) {
                entries.put(entry, null);
            } else if (open + 1 > entry.length() - 1) {
                throw new IllegalArgumentException("Password policy entry '" + entry
                        + "' has no closing parenthesis");
            } else {
                entries.put(entry.substring(0, open).trim(), entry.substring(open + 1, entry.length() - 1));
            }
        }
        return Collections.unmodifiableMap(entries);
    }
}
