package io.keycloaksignup.registration.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * The realm settings, outside the user profile, that change how Keycloak checks a sign-up.
 *
 * @param locale the locale Keycloak resolves for the request; {@code local-date} values are
 *     read in its short date format. Keycloak uses English when internationalization is off.
 * @param registrationEmailAsUsername the realm's "email as username": the username is then
 *     taken from the email, is not required and skips the prohibited-characters check
 * @param asciiOnlyEmailLocalPart true when the realm has SMTP settings without "allow UTF-8",
 *     where Keycloak refuses non-ASCII characters before the {@code @}
 * @param maxEmailLocalPartLength the server's limit for the part before the {@code @} that
 *     applies when the {@code email} validator sets none ({@code max-email-local-part-length})
 */
public record RealmContext(Locale locale, boolean registrationEmailAsUsername,
        boolean asciiOnlyEmailLocalPart, int maxEmailLocalPartLength) {

    /** Keycloak's default for {@code max-email-local-part-length}. */
    public static final int DEFAULT_MAX_EMAIL_LOCAL_PART_LENGTH = 64;

    private static final RealmContext DEFAULTS =
            new RealmContext(Locale.ENGLISH, false, false, DEFAULT_MAX_EMAIL_LOCAL_PART_LENGTH);

    public RealmContext {
        Objects.requireNonNull(locale, "locale");
        if (maxEmailLocalPartLength <= 0) {
            throw new IllegalArgumentException("maxEmailLocalPartLength must be positive");
        }
    }

    /** A realm as Keycloak creates it: English, no email as username, no SMTP restriction. */
    public static RealmContext keycloakDefaults() {
        return DEFAULTS;
    }

    public RealmContext withLocale(Locale value) {
        return new RealmContext(value, registrationEmailAsUsername, asciiOnlyEmailLocalPart,
                maxEmailLocalPartLength);
    }

    public RealmContext withRegistrationEmailAsUsername(boolean value) {
        return new RealmContext(locale, value, asciiOnlyEmailLocalPart, maxEmailLocalPartLength);
    }

    public RealmContext withAsciiOnlyEmailLocalPart(boolean value) {
        return new RealmContext(locale, registrationEmailAsUsername, value,
                maxEmailLocalPartLength);
    }
}
