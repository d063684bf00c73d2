package io.keycloaksignup.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.registration.rules.PasswordPolicy.Floor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The password policy accepts and refuses what Keycloak 26.7.3 would for the same realm policy.
 * The expectations follow Keycloak's own password policy providers (see {@link PasswordPolicy}).
 */
class PasswordPolicyTest {

    /** No floor, so that the Keycloak rules can be seen on their own. */
    private static final Floor NO_FLOOR = new Floor(0, 10_000);
    private static final Predicate<String> NOTHING_COMMON = password -> false;
    private static final String LEAKED = "Summer2024!!";

    @TempDir
    static Path blacklists;

    @BeforeAll
    static void writeBlacklists() throws IOException {
        Files.writeString(blacklists.resolve("leaked.txt"), LEAKED + "\nCorrectHorseBattery\nzxcvbnm123\n");
        BloomFilter<String> filter = BloomFilter.create(
                Funnels.stringFunnel(StandardCharsets.UTF_8), 10, 1.0E-4);
        filter.put("hunter2hunter2");
        try (OutputStream out = Files.newOutputStream(blacklists.resolve("precomputed.bloom"))) {
            filter.writeTo(out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # sentence | policy | password | username | email | codes
        length(12) accepts exactly 12 characters | length(12) | abcdefghijkl | |  |
        length(12) refuses 11 characters | length(12) | abcdefghijk | |  | password_too_short
        length without argument means 8: 8 characters pass | length | abcdefgh | |  |
        length without argument means 8: 7 characters are too short | \
            length | abcdefg | |  | password_too_short
        length counts UTF-16 units: 6 emoji are 12 units and pass | length(12) | 😀😀😀😀😀😀 | |  |
        length counts UTF-16 units: 5 emoji and a letter are 11 | \
            length(12) | 😀😀😀😀😀a | |  | password_too_short
        maxLength(10) accepts exactly 10 characters | maxLength(10) | abcdefghij | |  |
        maxLength(10) refuses 11 characters | maxLength(10) | abcdefghijk | |  | password_too_long
        maxLength counts UTF-16 units: 5 emoji are 10 units and pass | maxLength(10) | 😀😀😀😀😀 | |  |
        maxLength counts UTF-16 units: 6 emoji are 12 units, too long | \
            maxLength(10) | 😀😀😀😀😀😀 | |  | password_too_long
        digits(2) accepts exactly two digits | digits(2) | abc12 | |  |
        digits(2) refuses one digit | digits(2) | abc1 | |  | password_digits
        digits without argument needs one digit | digits | abcdef | |  | password_digits
        digits without argument is met by one digit | digits | abcde1 | |  |
        digits(0) is always met | digits(0) | abcdef | |  |
        digits(-1) is always met | digits(-1) | abcdef | |  |
        Arabic-Indic digits count as digits | digits(2) | abc١٢ | |  |
        fullwidth digits count as digits | digits(2) | abc１２ | |  |
        mathematical bold digits outside the BMP are no digits | digits(1) | abc𝟎𝟏 | |  | password_digits
        superscript two is no digit | digits(1) | abc² | |  | password_digits
        lowerCase(2) accepts exactly two lower-case letters | lowerCase(2) | AB-cd | |  |
        lowerCase(2) refuses one lower-case letter | lowerCase(2) | AB-c1 | |  | password_lower_case
        lowerCase without argument needs one lower-case letter | lowerCase | ABC-12 | |  | password_lower_case
        accented letters and sharp s count as lower case | lowerCase(2) | ÉSSéß | |  |
        Greek small sigma counts as lower case | lowerCase(1) | ΣΣσ1 | |  |
        bold small letters outside the BMP are not lower case | lowerCase(1) | 𝐚𝐛𝐜1 | |  | password_lower_case
        upperCase(2) accepts exactly two upper-case letters | upperCase(2) | ab-CD | |  |
        upperCase(2) refuses one upper-case letter | upperCase(2) | ab-C1 | |  | password_upper_case
        upperCase without argument needs one upper-case letter | upperCase | abc-12 | |  | password_upper_case
        accented capitals count as upper case | upperCase(2) | éÉÄ | |  |
        title-case DŽ is not upper case | upperCase(1) | ǅǅ12 | |  | password_upper_case
        specialChars(2) accepts exactly two special characters | specialChars(2) | abc!? | |  |
        specialChars(2) refuses one special character | specialChars(2) | abc1! | |  | password_special_chars
        specialChars without argument needs one | specialChars | abcDEF123 | |  | password_special_chars
        a space and an underscore are special characters | specialChars(2) | 'a b_' | |  |
        accented letters are not special characters | specialChars(1) | éàü1 | |  | password_special_chars
        CJK ideographs are letters, not special characters | \
            specialChars(1) | 日本語1 | |  | password_special_chars
        one emoji counts as two special characters | specialChars(2) | abc😀 | |  |
        notUsername refuses the username itself | notUsername | alice | alice | | password_equals_username
        notUsername ignores case | notUsername | ALICE | alice | | password_equals_username
        notUsername accepts the username with more around it | notUsername | alice1 | alice | |
        notUsername compares character by character: STRASSE is not straße | \
            notUsername | STRASSE | straße | |
        notUsername checks nothing without a username | notUsername | alice | |  |
        notUsername ignores an argument | notUsername(x) | alice | alice | | password_equals_username
        notEmail refuses the email address ignoring case | \
            notEmail | Alice@Example.COM | bob | alice@example.com | password_equals_email
        notEmail accepts another address | notEmail | alice@example.org | bob | alice@example.com |
        notEmail does not compare with the username | notEmail | bob | bob | alice@example.com |
        notEmail checks nothing without an email address | notEmail | alice@example.com | bob | |
        notContainsUsername refuses the username inside, ignoring case | \
            notContainsUsername | xxALICExx | alice | | password_contains_username
        notContainsUsername refuses the username itself | \
            notContainsUsername | alice | alice | | password_contains_username
        notContainsUsername accepts a password without the username | \
            notContainsUsername | bob12345 | alice | |
        notContainsUsername checks nothing without a username | notContainsUsername | alice | |  |
        notContainsUsername with an empty username refuses all, as Keycloak | \
            notContainsUsername | bob12345 | '' | | password_contains_username
        regexPattern accepts a password that matches as a whole | regexPattern([a-z]+) | abc | |  |
        regexPattern refuses a password that only contains a match | \
            regexPattern([a-z]+) | abc1 | |  | password_pattern
        regexPattern honours inline flags | regexPattern((?i)[a-z]+) | ABC | |  |
        of several regexPattern entries only the last applies: accepted | \
            regexPattern(.*[0-9].*) and regexPattern(.*x.*) | abcx | |  |
        of several regexPattern entries only the last applies: refused | \
            regexPattern(.*[0-9].*) and regexPattern(.*x.*) | abc1 | |  | password_pattern
        passwordBlacklist without a name checks nothing | passwordBlacklist | Summer2024!! | |  |
        an unknown policy is ignored, the known ones still apply | \
            customPolicy(3) and digits(1) | abcdef | |  | password_digits
        an unknown policy is ignored and refuses nothing | customPolicy(3) | a | |  |
        policies about stored credentials are ignored | \
            hashAlgorithm(pbkdf2-sha512) and hashIterations(27500) and passwordHistory(3) and \
            forceExpiredPasswordChange(90) and passwordAge(30) and maxAuthAge(300) and notRecentlyUsed(2) | \
            a | |  |
        a name given twice keeps its last argument | \
            length(4) and length(20) | abcdefgh | |  | password_too_short
        extra spaces around the separator are trimmed | \
            length(10)  and  digits(1) | abcdefghij | |  | password_digits
        an explicit plus sign is a valid number | length(+9) | abcdefgh | |  | password_too_short
        length(12) and digits(2) and notUsername: all three broken | \
            length(12) and digits(2) and notUsername | alice | alice | | \
            password_too_short password_digits password_equals_username
        length(12) and digits(2) and notUsername: all three met | \
            length(12) and digits(2) and notUsername | correcthorse42 | alice | |
        every character rule broken at once, in a fixed order | \
            specialChars and upperCase and lowerCase and digits | '' | |  | \
            password_digits password_lower_case password_upper_case password_special_chars
        """)
    void keycloakRules(String sentence, String policy, String password, String username, String email,
            String codes) {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(policy, NO_FLOOR, NOTHING_COMMON);

        List<FieldError> errors = passwordPolicy.check(password, username, email);

        assertThat(codes(errors)).isEqualTo(expected(codes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # sentence | policy | floor min | floor max | unit | times | codes
        no policy: only the floor applies, 12 characters pass | | 12 | 128 | a | 12 |
        no policy: only the floor applies, 11 characters are too short | \
             | 12 | 128 | a | 11 | password_too_short
        an empty policy: only the floor applies | '' | 12 | 128 | a | 11 | password_too_short
        a blank policy: only the floor applies | '   ' | 12 | 128 | a | 11 | password_too_short
        the floor counts code points: 12 emoji pass | | 12 | 128 | 😀 | 12 |
        the floor counts code points: 11 emoji are too short | | 12 | 128 | 😀 | 11 | password_too_short
        the floor maximum: 128 characters pass | | 12 | 128 | a | 128 |
        the floor maximum: 129 characters are too long | | 12 | 128 | a | 129 | password_too_long
        the floor maximum counts code points: 128 emoji pass | | 12 | 128 | 😀 | 128 |
        a realm length above the floor wins: 15 of 16 are too short | \
            length(16) | 12 | 128 | a | 15 | password_too_short
        a realm length below the floor does not lower it | length(8) | 12 | 128 | a | 11 | password_too_short
        both realm length and floor broken give one error | length(16) | 12 | 128 | a | 5 | password_too_short
        maxLength without argument means 64: 64 characters pass | maxLength | 12 | 128 | a | 64 |
        maxLength without argument means 64: 65 are too long | \
            maxLength | 12 | 128 | a | 65 | password_too_long
        realm maxLength in UTF-16 is stricter for emoji: 32 emoji pass | maxLength(64) | 12 | 128 | 😀 | 32 |
        realm maxLength in UTF-16 is stricter for emoji: 33 are too long | \
            maxLength(64) | 12 | 128 | 😀 | 33 | password_too_long
        realm length in UTF-16 and a lower floor: 6 emoji pass both | length(12) | 4 | 128 | 😀 | 6 |
        realm length in UTF-16 met, floor in code points broken | \
            length(12) | 8 | 128 | 😀 | 6 | password_too_short
        """)
    void floorAndRealmLength(String sentence, String policy, int floorMin, int floorMax, String unit,
            int times, String codes) {
        Floor floor = new Floor(floorMin, floorMax);
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(policy, floor, NOTHING_COMMON);

        List<FieldError> errors = passwordPolicy.check(unit.repeat(times), null, null);

        assertThat(codes(errors)).isEqualTo(expected(codes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # sentence | policy | floor min | password | code | Keycloak's key | message
        too short names the stricter realm length | \
            length(14) | 12 | abc | password_too_short | invalidPasswordMinLengthMessage | \
            Use at least 14 characters.
        too short names the stricter floor | \
            length(8) | 12 | abc | password_too_short | invalidPasswordMinLengthMessage | \
            Use at least 12 characters.
        too long names the realm maximum | \
            maxLength(20) | 0 | abcdefghijklmnopqrstu | password_too_long | invalidPasswordMaxLengthMessage | \
            Use at most 20 characters.
        digits in the plural | \
            digits(2) | 0 | abc | password_digits | invalidPasswordMinDigitsMessage | Use at least 2 digits.
        a single digit | \
            digits | 0 | abc | password_digits | invalidPasswordMinDigitsMessage | Use at least 1 digit.
        lower-case letters | \
            lowerCase(3) | 0 | ABC | password_lower_case | invalidPasswordMinLowerCaseCharsMessage | \
            Use at least 3 lower-case letters.
        an upper-case letter | \
            upperCase | 0 | abc | password_upper_case | invalidPasswordMinUpperCaseCharsMessage | \
            Use at least 1 upper-case letter.
        special characters | \
            specialChars(2) | 0 | abc | password_special_chars | invalidPasswordMinSpecialCharsMessage | \
            Use at least 2 special characters (neither letters nor digits).
        the username | \
            notUsername | 0 | alice | password_equals_username | invalidPasswordNotUsernameMessage | \
            Your password must not be your username.
        the email address | \
            notEmail | 0 | alice@example.com | password_equals_email | invalidPasswordNotEmailMessage | \
            Your password must not be your email address.
        the username inside | \
            notContainsUsername | 0 | xalicex | password_contains_username | \
            invalidPasswordNotContainsUsernameMessage | Your password must not contain your username.
        the pattern | \
            regexPattern(x+) | 0 | abc | password_pattern | invalidPasswordRegexPatternMessage | \
            Your password does not have the form this service requires.
        a common password | \
             | 0 | password1234 | password_common | invalidPasswordBlacklistedMessage | \
            This password is too common. Choose one that is harder to guess.
        """)
    void eachErrorHasItsCodeKeycloakKeyAndMessage(String sentence, String policy, int floorMin,
            String password, String code, String keycloakError, String message) {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(policy, new Floor(floorMin, 10_000),
                Set.of("password1234")::contains);

        List<FieldError> errors = passwordPolicy.check(password, "alice", "alice@example.com");

        assertThat(errors).containsExactly(new FieldError("password", code, message, keycloakError));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # sentence | password | codes
        the common list gets the password exactly as typed | Password1234 | password_common
        the common list decides about case itself | password1234 |
        the common list comes on top of the Keycloak rules | Pass1234 | password_too_short password_common
        """)
    void commonPasswords(String sentence, String password, String codes) {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse("length(10)", NO_FLOOR, Set.of("Password1234",
                "Pass1234")::contains);

        assertThat(codes(passwordPolicy.check(password, null, null))).isEqualTo(expected(codes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # sentence | policy | password | codes
        a listed password is refused | passwordBlacklist(leaked.txt) | Summer2024!! | password_blacklisted
        the list ignores case: upper-cased password | \
            passwordBlacklist(leaked.txt) | SUMMER2024!! | password_blacklisted
        the list ignores case: mixed-case line, lower password | \
            passwordBlacklist(leaked.txt) | correcthorsebattery | password_blacklisted
        a password not on the list passes | passwordBlacklist(leaked.txt) | Summer2025!! |
        the list is matched whole, not as a part | passwordBlacklist(leaked.txt) | Summer2024!!x |
        the list name is trimmed, as Keycloak does | \
            passwordBlacklist( leaked.txt ) | correcthorsebattery | password_blacklisted
        a pre-computed .bloom file is read as Keycloak reads it | \
            passwordBlacklist(precomputed.bloom) | Hunter2Hunter2 | password_blacklisted
        a missing list checks nothing more than the common list | \
            passwordBlacklist(missing.txt) | Summer2024!! |
        a missing list still leaves the common list | \
            passwordBlacklist(missing.txt) | password1234 | password_common
        a listed and common password breaks both rules | \
            passwordBlacklist(leaked.txt) | zxcvbnm123 | password_blacklisted password_common
        """)
    void blacklist(String sentence, String policy, String password, String codes) {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(policy, NO_FLOOR,
                Set.of("password1234", "zxcvbnm123")::contains, Optional.of(blacklists));

        assertThat(codes(passwordPolicy.check(password, null, null))).isEqualTo(expected(codes));
    }

    @Test
    void withoutBlacklistDirectoryOnlyTheCommonListApplies() {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse("passwordBlacklist(leaked.txt)", NO_FLOOR,
                Set.of("password1234")::contains);

        assertThat(codes(passwordPolicy.check(LEAKED, null, null))).isEmpty();
        assertThat(codes(passwordPolicy.check("password1234", null, null)))
                .containsExactly("password_common");
    }

    @Test
    void aMissingBlacklistIsLoggedOnceAsWarning() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = capture(records);
        Logger logger = Logger.getLogger(PasswordDenylist.class.getName());
        logger.addHandler(handler);
        try {
            for (int i = 0; i < 3; i++) {
                PasswordPolicy.parse("passwordBlacklist(never-there.txt)", NO_FLOOR, NOTHING_COMMON,
                        Optional.of(blacklists)).check(LEAKED, null, null);
            }
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(text(records.get(0))).contains("never-there.txt").doesNotContain(LEAKED);
    }

    @Test
    void aChangedBlacklistFileIsReadAgain(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("changing.txt");
        Files.writeString(file, "first-password\n");
        String policy = "passwordBlacklist(changing.txt)";
        PasswordPolicy before = PasswordPolicy.parse(policy, NO_FLOOR, NOTHING_COMMON, Optional.of(directory));
        Files.writeString(file, "first-password\nsecond-password\n");
        PasswordPolicy after = PasswordPolicy.parse(policy, NO_FLOOR, NOTHING_COMMON, Optional.of(directory));

        assertThat(codes(before.check("second-password", null, null))).isEmpty();
        assertThat(codes(after.check("second-password", null, null)))
                .containsExactly("password_blacklisted");
    }

    @ParameterizedTest(name = "Keycloak refuses the policy {0}, so does parse")
    @CsvSource(delimiter = '|', textBlock = """
        length(abc)
        length( 8)
        length()
        maxLength(1.5)
        digits(x)
        regexPattern
        regexPattern()
        regexPattern(   )
        regexPattern([a-z)
        passwordBlacklist()
        passwordBlacklist(a/b)
        passwordBlacklist(..)
        length(
        length(8) AND digits(2)
        """)
    void invalidPolicies(String policy) {
        Optional<Path> directory = Optional.of(blacklists);

        assertThatThrownBy(() -> PasswordPolicy.parse(policy, NO_FLOOR, NOTHING_COMMON, directory))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownPolicyIsLoggedOnceAsWarning() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = capture(records);
        Logger logger = Logger.getLogger(PasswordPolicy.class.getName());
        logger.addHandler(handler);
        try {
            PasswordPolicy.parse("loggedOncePolicy(1) and length(8)", NO_FLOOR, NOTHING_COMMON);
            PasswordPolicy.parse("loggedOncePolicy(2)", NO_FLOOR, NOTHING_COMMON);
            PasswordPolicy.parse("hashIterations(5) and passwordHistory(2)", NO_FLOOR, NOTHING_COMMON);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(text(records.get(0))).contains("'loggedOncePolicy'");
    }

    @Test
    void toStringShowsTheRulesButNoPasswords() {
        String policy = "length(10) and digits(2) and passwordBlacklist(leaked.txt)";
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(policy, Floor.DEFAULT,
                Set.of("password1234")::contains, Optional.of(blacklists));

        assertThat(passwordPolicy.toString())
                .contains("floor=12..128", "length(10)", "digits(2)", "passwordBlacklist(leaked.txt)")
                .doesNotContainIgnoringCase(LEAKED)
                .doesNotContain("password1234");
    }

    @Test
    void aMissingPasswordIsAProgrammingError() {
        PasswordPolicy passwordPolicy = PasswordPolicy.parse(null, Floor.DEFAULT, NOTHING_COMMON);

        assertThatThrownBy(() -> passwordPolicy.check(null, "alice", null))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "a floor of {0}..{1} is refused")
    @CsvSource({"-1, 10", "12, 11"})
    void impossibleFloors(int min, int max) {
        assertThatThrownBy(() -> new Floor(min, max)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Handler capture(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The message as logged; JBoss Logging formats printf-style messages before handing them on. */
    private static String text(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    private static List<String> expected(String codes) {
        return codes == null || codes.isBlank() ? List.of() : List.of(codes.trim().split("\\s+"));
    }
}
