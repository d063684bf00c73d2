package io.keycloaksignup.registration.rules;

import io.keycloaksignup.platform.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.passay.CharacterRule;
import org.passay.MatchBehavior;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.UsernameRule;

/**
 * A realm's Keycloak password policy plus the service's own floor, checked the way Keycloak
 * 26.7.3 checks a plaintext password.
 *
 * <p>Why it exists: the service hands Keycloak pre-hashed credentials, and Keycloak stores those
 * without looking at the realm's password policy. For people who sign up here, this class is
 * therefore the only place the policy is enforced, so it must accept and refuse exactly what
 * Keycloak would. Every semantic below was read in Keycloak 26.7.3's own classes (named in
 * brackets) rather than guessed:
 * <ul>
 *   <li>The policy string is split as {@link PolicyString} describes (only the last of several
 *       {@code regexPattern} entries counts) [{@code PasswordPolicy.Builder}].</li>
 *   <li>{@code length(n)}, default 8, and {@code maxLength(n)}, default 64, compare
 *       {@link String#length()}, i.e. UTF-16 units: a character outside the Basic Multilingual
 *       Plane (an emoji) counts twice [{@code LengthPasswordPolicyProvider},
 *       {@code MaximumLengthPasswordPolicyProvider}].</li>
 *   <li>{@code digits}, {@code lowerCase}, {@code upperCase}, {@code specialChars}, each with
 *       default 1, count UTF-16 units with {@link Character}'s Unicode tests, as
 *       {@link KeycloakCharacters} explains [{@code DigitsPasswordPolicyProvider} and the
 *       three others]. A count of 0 or less is always met.</li>
 *   <li>{@code notUsername}: the password must not {@link String#equalsIgnoreCase equal, ignoring
 *       case,} the username; {@code notEmail} likewise for the email address; no username or no
 *       email means no check; arguments are ignored [{@code NotUsernamePasswordPolicyProvider},
 *       {@code NotEmailPasswordPolicyProvider}].</li>
 *   <li>{@code notContainsUsername}: the password lower-cased must not contain the username
 *       lower-cased, both with {@link String#toLowerCase()} and so the JVM's default locale; no
 *       username means no check, an empty one refuses every password
 *       [{@code NotContainsUsernamePasswordPolicyProvider}].</li>
 *   <li>{@code regexPattern(p)}: {@code p} is compiled without flags and the <em>whole</em>
 *       password must match it ({@link java.util.regex.Matcher#matches()}, not {@code find()});
 *       a missing, blank or invalid pattern makes Keycloak refuse the policy
 *       [{@code RegexPatternsPasswordPolicyProvider}].</li>
 *   <li>{@code passwordBlacklist(name)}: see {@link PasswordDenylist}; without parentheses
 *       Keycloak checks nothing [{@code DenylistPasswordPolicyProvider}].</li>
 *   <li>Numbers are read with {@link Integer#parseInt} from the untrimmed argument; anything
 *       else makes Keycloak refuse to store the policy [{@code PasswordPolicyProvider.parseInteger}].
 *       Such a string can only come from a misconfiguration, so {@link #parse} refuses it too.</li>
 * </ul>
 *
 * <p>The username and email to pass are the ones Keycloak will store: the chosen username or,
 * without one, the email address. Keycloak stops at the first broken rule; {@link #check} lists
 * every broken rule so that people can fix them all at once. Policies that say nothing about a
 * brand-new password (hashing, history, expiry) are accepted silently; names this class does not
 * know (a custom Keycloak provider, a typo) are logged once and ignored.
 *
 * <p>The service floor is measured in Unicode code points. Both the floor and the realm's
 * UTF-16 limits must hold; a password that breaks either gets one {@code password_too_short}
 * (or {@code password_too_long}) error naming the stricter number.
 *
 * <p>Instances are immutable and thread-safe. Parsing may read a denylist file: parse once per
 * policy string and reuse the instance.
 */
public final class PasswordPolicy {

    /** The field every error of this class is reported on. */
    public static final String FIELD = "password";

    private static final Logger LOG = Logger.getLogger(PasswordPolicy.class);

    /**
     * Keycloak 26.7.3's policies that concern stored credentials rather than a new password, and
     * {@code notRecentlyUsed}, after the label "Not Recently Used" that the admin console shows for
     * {@code passwordHistory} (Keycloak itself has no policy of that id).
     */
    private static final Set<String> NOT_ABOUT_NEW_PASSWORDS = Set.of("hashAlgorithm", "hashIterations",
            "passwordHistory", "forceExpiredPasswordChange", "passwordAge", "maxAuthAge",
            "recoveryCodesWarningThreshold", "notRecentlyUsed");

    private static final Set<String> CHECKED = Set.of("length", "maxLength", "digits", "lowerCase",
            "upperCase", "specialChars", "notUsername", "notEmail", "notContainsUsername", "regexPattern",
            "passwordBlacklist");

    private static final Set<String> WARNED_UNKNOWN = ConcurrentHashMap.newKeySet();

    private final Floor floor;
    private final Length length;
    private final List<Check> checks;

    private PasswordPolicy(Floor floor, Length length, List<Check> checks) {
        this.floor = floor;
        this.length = length;
        this.checks = List.copyOf(checks);
    }

    /**
     * The service's own length limits, in Unicode code points, that apply whatever the realm says.
     *
     * @param minLength at least this many code points (default 12)
     * @param maxLength at most this many code points (default 128)
     */
    public record Floor(int minLength, int maxLength) {

        /** 12 to 128 code points. */
        public static final Floor DEFAULT = new Floor(12, 128);

        public Floor {
            if (minLength < 0 || maxLength < minLength) {
                throw new IllegalArgumentException("Password floor needs 0 <= minLength <= maxLength, got "
                        + minLength + ".." + maxLength);
            }
        }
    }

    /** Parses without a denylist directory: see {@link #parse(String, Floor, Predicate, Optional)}. */
    public static PasswordPolicy parse(String keycloakPolicy, Floor floor,
            Predicate<String> commonPassword) {
        return parse(keycloakPolicy, floor, commonPassword, Optional.empty());
    }

    /**
     * Parses a realm's {@code passwordPolicy} string.
     *
     * @param keycloakPolicy the realm's policy string; {@code null} or blank: only the floor and the
     *        common-password list apply
     * @param floor the service's own length limits
     * @param commonPassword whether a password is on the service's bundled common-password list
     * @param blacklistDir where copies of Keycloak's {@code password-blacklists} files lie
     * @throws IllegalArgumentException for a policy string Keycloak itself refuses to store
     */
    public static PasswordPolicy parse(String keycloakPolicy, Floor floor, Predicate<String> commonPassword,
            Optional<Path> blacklistDir) {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(commonPassword, "commonPassword");
        Objects.requireNonNull(blacklistDir, "blacklistDir");
        Map<String, String> entries = PolicyString.entries(keycloakPolicy);
        entries.keySet().forEach(PasswordPolicy::warnIfUnknown);
        List<Check> checks = new ArrayList<>();
        characterChecks(entries, checks);
        identityChecks(entries, checks);
        patternCheck(entries).ifPresent(checks::add);
        denylistCheck(entries, blacklistDir).ifPresent(checks::add);
        checks.add(new Check("common", "password_common", "invalidPasswordBlacklistedMessage",
                "This password is too common. Choose one that is harder to guess.",
                candidate -> commonPassword.test(candidate.password())));
        return new PasswordPolicy(floor, Length.of(entries, floor), checks);
    }

    /**
     * Every rule that {@code password} breaks, in a fixed order; empty when it is acceptable.
     *
     * @param password the password as typed, never trimmed
     * @param username the username Keycloak will store, or {@code null}
     * @param email the email address Keycloak will store, or {@code null}
     */
    public List<FieldError> check(String password, String username, String email) {
        Objects.requireNonNull(password, "password");
        Candidate candidate = new Candidate(password, username, email);
        List<FieldError> errors = new ArrayList<>(length.check(password));
        for (Check check : checks) {
            if (check.isBrokenBy(candidate)) {
                errors.add(check.error());
            }
        }
        return List.copyOf(errors);
    }

    /** The rules in force, for logs and diagnostics; never any password or list entry. */
    @Override
    public String toString() {
        String rules = checks.stream().map(Check::label).collect(Collectors.joining(", "));
        return "PasswordPolicy[floor=" + floor.minLength() + ".." + floor.maxLength() + " code points, "
                + length + ", " + rules + "]";
    }

    private static void warnIfUnknown(String name) {
        boolean known = CHECKED.contains(name) || NOT_ABOUT_NEW_PASSWORDS.contains(name);
        if (!known && WARNED_UNKNOWN.add(name)) {
            LOG.warnf("Ignoring password policy '%s': this service does not know it, so it cannot check it "
                    + "for passwords it hands to Keycloak pre-hashed", name);
        }
    }

    private static void characterChecks(Map<String, String> entries, List<Check> checks) {
        characterCheck(entries, "digits", KeycloakCharacters.DIGIT, "password_digits",
                "invalidPasswordMinDigitsMessage", "digit", "digits").ifPresent(checks::add);
        characterCheck(entries, "lowerCase", KeycloakCharacters.LOWER_CASE, "password_lower_case",
                "invalidPasswordMinLowerCaseCharsMessage", "lower-case letter", "lower-case letters")
                .ifPresent(checks::add);
        characterCheck(entries, "upperCase", KeycloakCharacters.UPPER_CASE, "password_upper_case",
                "invalidPasswordMinUpperCaseCharsMessage", "upper-case letter", "upper-case letters")
                .ifPresent(checks::add);
        characterCheck(entries, "specialChars", KeycloakCharacters.SPECIAL, "password_special_chars",
                "invalidPasswordMinSpecialCharsMessage", "special character (neither a letter nor a digit)",
                "special characters (neither letters nor digits)").ifPresent(checks::add);
    }

    /**
     * Passay's {@link CharacterRule} refuses a count below 1; Keycloak's check is always met then,
     * so no check is the same thing.
     */
    private static Optional<Check> characterCheck(Map<String, String> entries, String name,
            KeycloakCharacters characters, String code, String keycloakError, String one, String many) {
        if (!entries.containsKey(name)) {
            return Optional.empty();
        }
        int count = number(name, entries.get(name), 1);
        if (count < 1) {
            return Optional.empty();
        }
        Rule rule = new CharacterRule(characters, count);
        String message = "Use at least " + count + " " + (count == 1 ? one : many) + ".";
        return Optional.of(new Check(name + "(" + count + ")", code, keycloakError, message,
                candidate -> !rule.validate(new PasswordData(candidate.password())).isValid()));
    }

    /**
     * {@code notContainsUsername} uses Passay's {@link UsernameRule}, which lower-cases both sides
     * with {@link String#toLowerCase()} and tests {@code contains}, as Keycloak does. The equality
     * checks are written by hand: Passay has no rule for "equals, ignoring case".
     */
    private static void identityChecks(Map<String, String> entries, List<Check> checks) {
        if (entries.containsKey("notUsername")) {
            checks.add(new Check("notUsername", "password_equals_username",
                    "invalidPasswordNotUsernameMessage", "Your password must not be your username.",
                    candidate -> candidate.username() != null
                            && candidate.username().equalsIgnoreCase(candidate.password())));
        }
        if (entries.containsKey("notEmail")) {
            checks.add(new Check("notEmail", "password_equals_email", "invalidPasswordNotEmailMessage",
                    "Your password must not be your email address.",
                    candidate -> candidate.email() != null
                            && candidate.email().equalsIgnoreCase(candidate.password())));
        }
        if (entries.containsKey("notContainsUsername")) {
            Rule rule = new UsernameRule(false, true, MatchBehavior.Contains);
            checks.add(new Check("notContainsUsername", "password_contains_username",
                    "invalidPasswordNotContainsUsernameMessage",
                    "Your password must not contain your username.",
                    candidate -> containsUsername(rule, candidate)));
        }
    }

    /**
     * Keycloak skips a {@code null} username, but every password contains an empty one, so
     * Keycloak refuses them all; Passay's rule would skip the empty username, hence the extra
     * test. (Keycloak never stores an empty username, so this only keeps the two in step.)
     */
    private static boolean containsUsername(Rule rule, Candidate candidate) {
        String username = candidate.username();
        if (username == null) {
            return false;
        }
        return username.isEmpty() || !rule.validate(new PasswordData(username, candidate.password())).isValid();
    }

    /**
     * Written by hand: Passay's regex rules use {@code find()}, and wrapping the realm's pattern
     * to anchor it would change patterns that use {@code \Q} or comments.
     */
    private static Optional<Check> patternCheck(Map<String, String> entries) {
        if (!entries.containsKey("regexPattern")) {
            return Optional.empty();
        }
        String regex = entries.get("regexPattern");
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("Password policy regexPattern needs a pattern");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Password policy regexPattern is not a valid pattern", e);
        }
        return Optional.of(new Check("regexPattern", "password_pattern", "invalidPasswordRegexPatternMessage",
                "Your password does not have the form this service requires.",
                candidate -> !pattern.matcher(candidate.password()).matches()));
    }

    private static Optional<Check> denylistCheck(Map<String, String> entries, Optional<Path> directory) {
        String name = entries.get("passwordBlacklist");
        if (name == null) {
            return Optional.empty();
        }
        return PasswordDenylist.open(name, directory).map(denylist -> new Check(
                "passwordBlacklist(" + denylist.name() + ")", "password_blacklisted",
                "invalidPasswordBlacklistedMessage",
                "This password is on a list of leaked or forbidden passwords. Choose another one.",
                candidate -> denylist.contains(candidate.password())));
    }

    static int number(String name, String argument, int defaultValue) {
        if (argument == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Password policy " + name + " needs a whole number, got '"
                    + argument + "'", e);
        }
    }

    /** The password and who it belongs to, for one check; its text never shows the password. */
    private record Candidate(String password, String username, String email) {

        @Override
        public String toString() {
            return "Candidate[password=***]";
        }
    }

    /** One rule besides length: when it is broken and what to tell. */
    private record Check(String label, String code, String keycloakError, String message,
            Predicate<Candidate> brokenBy) {

        boolean isBrokenBy(Candidate candidate) {
            return brokenBy.test(candidate);
        }

        FieldError error() {
            return new FieldError(FIELD, code, message, keycloakError);
        }
    }
}
