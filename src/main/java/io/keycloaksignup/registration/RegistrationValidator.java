package io.keycloaksignup.registration;

import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a registration request field by field and reports every broken rule at once, each with
 * a stable code. Passwords are measured in Unicode code points and never trimmed or logged.
 */
@ApplicationScoped
public class RegistrationValidator {

    static final int MAX_NAME_LENGTH = 255;
    static final int MIN_USERNAME_LENGTH = 3;
    static final int MAX_USERNAME_LENGTH = 255;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private final SignupConfig.Password passwordRules;

    public RegistrationValidator(SignupConfig config) {
        this.passwordRules = config.password();
    }

    public NewRegistration validate(RegistrationRequest request) {
        if (request == null) {
            throw new ValidationException(new FieldError("", "body_required",
                    "Send a JSON object with email, password, firstName and lastName."));
        }
        List<FieldError> errors = new ArrayList<>();
        EmailAddress email = email(request.email(), errors);
        String username = username(request.username(), errors);
        String firstName = name("firstName", "first_name", request.firstName(), errors);
        String lastName = name("lastName", "last_name", request.lastName(), errors);
        String locale = locale(request.locale(), errors);
        password(request.password(), email, username, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NewRegistration(email, username, firstName, lastName, locale);
    }

    private static EmailAddress email(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("email", "email_required", "Enter your email address."));
            return null;
        }
        EmailAddress email = EmailAddress.of(value);
        if (email.isTooLong()) {
            errors.add(new FieldError("email", "email_too_long",
                    "An email address has at most " + EmailAddress.MAX_LENGTH + " characters."));
        } else if (!email.isValid()) {
            errors.add(new FieldError("email", "email_invalid",
                    "Enter an email address like name@example.com."));
        }
        return email;
    }

    /** Keycloak stores usernames in lower case; so do we, to compare them the same way. */
    private static String username(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String username = value.strip().toLowerCase(Locale.ROOT);
        int length = username.codePointCount(0, username.length());
        if (length < MIN_USERNAME_LENGTH) {
            errors.add(new FieldError("username", "username_too_short",
                    "A username has at least " + MIN_USERNAME_LENGTH + " characters."));
        } else if (length > MAX_USERNAME_LENGTH) {
            errors.add(new FieldError("username", "username_too_long",
                    "A username has at most " + MAX_USERNAME_LENGTH + " characters."));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "username_invalid",
                    "Use letters, digits, dots, dashes, underscores and @ only."));
        }
        return username;
    }

    private static String name(String field, String code, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, code + "_required", "This field is required."));
            return null;
        }
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, code + "_too_long",
                    "At most " + MAX_NAME_LENGTH + " characters."));
        } else if (CONTROL.matcher(name).find()) {
            errors.add(new FieldError(field, code + "_invalid",
                    "Line breaks and control characters are not allowed."));
        }
        return name;
    }

    private static String locale(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip().replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("locale", "locale_invalid",
                    "Use a language tag such as en, de or pt-BR."));
            return null;
        }
    }

    private void password(String password, EmailAddress email, String username, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "password_required", "Choose a password."));
            return;
        }
        int length = password.codePointCount(0, password.length());
        if (length < passwordRules.minLength()) {
            errors.add(new FieldError("password", "password_too_short",
                    "Use at least " + passwordRules.minLength() + " characters."));
        } else if (length > passwordRules.maxLength()) {
            errors.add(new FieldError("password", "password_too_long",
                    "Use at most " + passwordRules.maxLength() + " characters."));
        }
        if (email != null && password.strip().equalsIgnoreCase(email.normalized())) {
            errors.add(new FieldError("password", "password_equals_email",
                    "Your password must not be your email address."));
        }
        if (username != null && password.strip().equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "password_equals_username",
                    "Your password must not be your username."));
        }
    }
}
