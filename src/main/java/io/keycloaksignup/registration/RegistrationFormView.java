package io.keycloaksignup.registration;

import java.util.List;
import java.util.Set;

/**
 * What the sign-up form shows: the values typed so far (never the password), which fields the
 * realm asks for, and the errors in the person's language, each tied to the field it is about.
 */
public record RegistrationFormView(
        String email,
        String username,
        String firstName,
        String lastName,
        boolean acceptTerms,
        boolean askUsername,
        String termsVersion,
        String termsUrl,
        String loginUrl,
        String clientId,
        String redirectUri,
        List<Error> errors) {

    /** Fields that are on the page; errors about others are listed in the summary only. */
    private static final Set<String> FIELDS = Set.of("email", "username", "firstName", "lastName",
            "password", "acceptTerms");

    /**
     * One error; {@code label} names its field in the summary; {@code anchor} is the id of its
     * input, or null when the page has none.
     */
    public record Error(String field, String label, String message) {

        public String anchor() {
            return FIELDS.contains(field) ? field : null;
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The first error about the field, or null. */
    public String error(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(Error::message).findFirst()
                .orElse(null);
    }
}
