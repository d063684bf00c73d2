package io.keycloaksignup.registration;

import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * An email address as typed and in its normalised form. Normalising trims the address and
 * lower-cases the domain; the local part keeps its case, and addresses are compared
 * case-insensitively, as Keycloak does.
 */
public record EmailAddress(String typed, String normalized) {

    /** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
    public static final int MAX_LENGTH = 254;

    private static final EmailValidator SYNTAX = EmailValidator.getInstance(false, false);

    public static EmailAddress of(String typed) {
        String trimmed = typed.strip();
        int at = trimmed.lastIndexOf('@');
        String normalized = at < 0 ? trimmed
                : trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        return new EmailAddress(typed, normalized);
    }

    public boolean isTooLong() {
        return normalized.length() > MAX_LENGTH;
    }

    public boolean isValid() {
        return SYNTAX.isValid(normalized);
    }

    /** A form safe for logs: first character of the local part and the domain. */
    public static String mask(String address) {
        if (address == null) {
            return "<none>";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
