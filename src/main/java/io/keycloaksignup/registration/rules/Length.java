package io.keycloaksignup.registration.rules;

import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.registration.rules.PasswordPolicy.Floor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.Rule;

/**
 * The length limits of a password: the service floor in Unicode code points, and the realm's
 * {@code length} and {@code maxLength} in UTF-16 units as Keycloak counts them. Passay's
 * {@link LengthRule} counts {@link String#length()}, which is exactly Keycloak's measure; the
 * floor is counted by hand because Passay has no code-point length.
 *
 * <p>Both must hold, so a password of emoji can meet the floor yet break the realm's
 * {@code maxLength} (each emoji is two UTF-16 units), or meet the realm's {@code length} yet
 * break the floor. Either way it gets a single error naming the stricter number.
 */
final class Length {

    /** Keycloak's {@code length} without an argument [{@code LengthPasswordPolicyProvider}]. */
    static final int KEYCLOAK_DEFAULT_MIN = 8;
    /** Keycloak's {@code maxLength} without an argument [{@code MaximumLengthPasswordPolicyProvider}]. */
    static final int KEYCLOAK_DEFAULT_MAX = 64;

    private final Floor floor;
    private final Integer realmMin;
    private final Integer realmMax;
    private final Rule realmMinRule;
    private final Rule realmMaxRule;
    private final FieldError tooShort;
    private final FieldError tooLong;

    private Length(Floor floor, Integer realmMin, Integer realmMax) {
        this.floor = floor;
        this.realmMin = realmMin;
        this.realmMax = realmMax;
        int min = realmMin == null ? 0 : realmMin;
        int max = realmMax == null ? Integer.MAX_VALUE : realmMax;
        this.realmMinRule = new LengthRule(min, Integer.MAX_VALUE);
        this.realmMaxRule = new LengthRule(0, max);
        int strictestMin = Math.max(floor.minLength(), min);
        int strictestMax = Math.min(floor.maxLength(), max);
        this.tooShort = new FieldError(PasswordPolicy.FIELD, "password_too_short",
                "Use at least " + strictestMin + " characters.", "invalidPasswordMinLengthMessage");
        this.tooLong = new FieldError(PasswordPolicy.FIELD, "password_too_long",
                "Use at most " + strictestMax + " characters.", "invalidPasswordMaxLengthMessage");
    }

    static Length of(Map<String, String> entries, Floor floor) {
        Integer min = entries.containsKey("length")
                ? PasswordPolicy.number("length", entries.get("length"), KEYCLOAK_DEFAULT_MIN)
                : null;
        Integer max = entries.containsKey("maxLength")
                ? PasswordPolicy.number("maxLength", entries.get("maxLength"), KEYCLOAK_DEFAULT_MAX)
                : null;
        return new Length(floor, min, max);
    }

    /** At most one too-short and one too-long error (both only for contradictory limits). */
    List<FieldError> check(String password) {
        int codePoints = password.codePointCount(0, password.length());
        PasswordData data = new PasswordData(password);
        List<FieldError> errors = new ArrayList<>(2);
        if (codePoints < floor.minLength() || !realmMinRule.validate(data).isValid()) {
            errors.add(tooShort);
        }
        if (codePoints > floor.maxLength() || !realmMaxRule.validate(data).isValid()) {
            errors.add(tooLong);
        }
        return errors;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(2);
        if (realmMin != null) {
            parts.add("length(" + realmMin + ")");
        }
        if (realmMax != null) {
            parts.add("maxLength(" + realmMax + ")");
        }
        return parts.isEmpty() ? "no realm length limits" : String.join(", ", parts);
    }
}
