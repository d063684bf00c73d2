package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Optional;

/**
 * Keycloak's check of a required attribute: at least one value and none blank after trimming.
 * Username and email have error keys of their own when their first value is blank.
 */
final class Requirement {

    private static final String REQUIRED = "error-user-attribute-required";

    private Requirement() {
    }

    static Optional<Violation> check(String name, List<String> values, boolean required) {
        if (!required) {
            return Optional.empty();
        }
        String first = values.isEmpty() ? null : values.get(0);
        if (UserProfile.USERNAME.equals(name) && Blank.isBlankTrimmed(first)) {
            return missing("missingUsernameMessage");
        }
        if (UserProfile.EMAIL.equals(name) && first != null && Blank.isBlankTrimmed(first)) {
            return missing("missingEmailMessage");
        }
        if (values.isEmpty() || values.stream().anyMatch(Blank::isBlankTrimmed)) {
            return missing(REQUIRED);
        }
        return Optional.empty();
    }

    private static Optional<Violation> missing(String keycloakError) {
        return Optional.of(new Violation(AttributeErrorCodes.REQUIRED, "This field is required.",
                keycloakError));
    }
}
