package io.keycloaksignup.registration.rules;

import java.util.function.IntPredicate;
import org.passay.CharacterData;

/**
 * The character classes of Keycloak's {@code digits}, {@code lowerCase}, {@code upperCase} and
 * {@code specialChars} policies, as Passay {@link CharacterData}.
 *
 * <p>Keycloak 26.7.3 counts UTF-16 units, not code points: {@code DigitsPasswordPolicyProvider},
 * {@code LowerCasePasswordPolicyProvider}, {@code UpperCasePasswordPolicyProvider} and
 * {@code SpecialCharsPasswordPolicyProvider} walk {@code password.toCharArray()} and test each
 * {@code char} with {@code Character.isDigit}, {@code isLowerCase}, {@code isUpperCase} and
 * {@code !isLetterOrDigit}. So any Unicode digit or letter of the Basic Multilingual Plane counts
 * (Arabic-Indic digits, accented letters), a character outside it never counts as a digit or
 * letter, and each of its two surrogate halves counts as one special character.
 *
 * <p>Passay's {@code CharacterRule} counts the {@code char}s of the password that occur in
 * {@link #getCharacters()}. Listing every {@code char} value (surrogate halves included) that
 * passes Keycloak's test therefore makes Passay count exactly what Keycloak counts.
 *
 * <p>{@link #toString()} returns the name of Passay's matching metadata category, which Passay
 * looks up by that name after each check.
 */
enum KeycloakCharacters implements CharacterData {

    DIGIT("Digit", "INSUFFICIENT_DIGIT", c -> Character.isDigit((char) c)),
    LOWER_CASE("LowerCase", "INSUFFICIENT_LOWERCASE", c -> Character.isLowerCase((char) c)),
    UPPER_CASE("UpperCase", "INSUFFICIENT_UPPERCASE", c -> Character.isUpperCase((char) c)),
    SPECIAL("Special", "INSUFFICIENT_SPECIAL", c -> !Character.isLetterOrDigit((char) c));

    private final String category;
    private final String errorCode;
    private final String characters;

    KeycloakCharacters(String category, String errorCode, IntPredicate test) {
        this.category = category;
        this.errorCode = errorCode;
        this.characters = everyCharMatching(test);
    }

    private static String everyCharMatching(IntPredicate test) {
        StringBuilder matching = new StringBuilder();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            if (test.test(c)) {
                matching.append((char) c);
            }
        }
        return matching.toString();
    }

    @Override
    public String getErrorCode() {
        return errorCode;
    }

    @Override
    public String getCharacters() {
        return characters;
    }

    @Override
    public String toString() {
        return category;
    }
}
