package io.keycloaksignup.registration.rules;

import java.util.List;

/**
 * Keycloak's two ideas of a blank value. Requirement checks trim with {@link String#trim()}
 * (spaces and ASCII control characters), while value counts use {@link String#isBlank()}
 * (Unicode whitespace), so a value made of a no-break space fills a required field.
 */
final class Blank {

    private Blank() {
    }

    static boolean isBlankTrimmed(String value) {
        return value == null || value.trim().isEmpty();
    }

    static boolean isBlankUnicode(String value) {
        return value == null || value.isBlank();
    }

    static long countNonBlank(List<String> values) {
        return values.stream().filter(value -> !isBlankUnicode(value)).count();
    }
}
