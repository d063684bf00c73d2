package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.RegistrationSettings;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.ValidationException;
import io.keycloaksignup.registration.rules.RegistrationRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a registration request field by field against the service's rules and the realm's, and
 * reports every broken rule at once, each with a stable code. Passwords are never trimmed or logged.
 */
@ApplicationScoped
public class RegistrationValidator {

    static final int MAX_NAME_LENGTH = 255;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private final RegistrationRules rules;
    private final SignupConfig config;

    public RegistrationValidator(RegistrationRules rules, SignupConfig config) {
        this.rules = rules;
        this.config = config;
    }

    public NewRegistration validate(RegistrationRequest request, String source) {
        if (request == null) {
            throw new ValidationException(new FieldError("", "body_required",
                    "Send a JSON object with email, password, firstName and lastName."));
        }
        RegistrationSettings settings = rules.settings();
        List<FieldError> errors = new ArrayList<>();
        EmailAddress email = email(request.email(), settings, errors);
        String username = username(request.username(), settings, errors);
        String firstName = name("firstName", "first_name", request.firstName(), settings, errors);
        String lastName = name("lastName", "last_name", request.lastName(), settings, errors);
        String locale = locale(request.locale(), errors);
        Map<String, List<String>> attributes = attributes(request.attributes(), settings, errors);
        String termsVersion = terms(request.acceptTerms(), errors);
        if (request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError("password", "password_required", "Choose a password."));
        } else {
            String effectiveUsername = username != null ? username
                    : email != null ? email.normalized().toLowerCase(Locale.ROOT) : null;
            errors.addAll(rules.checkPassword(request.password(), effectiveUsername,
                    email == null ? null : email.normalized(), settings));
        }
        rules.checkRedirect(request.clientId(), request.redirectUri()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().distinct().toList());
        }
        return new NewRegistration(email, username, firstName, lastName, locale, attributes, termsVersion,
                blankToNull(request.clientId()), blankToNull(request.redirectUri()), source);
    }

    private EmailAddress email(String value, RegistrationSettings settings, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("email", "email_required", "Enter your email address.",
                    "missingEmailMessage"));
            return null;
        }
        EmailAddress email = EmailAddress.of(value);
        if (email.isTooLong()) {
            errors.add(new FieldError("email", "email_too_long",
                    "An email address has at most " + EmailAddress.MAX_LENGTH + " characters."));
        } else if (!email.isValid()) {
            errors.add(new FieldError("email", "email_invalid",
                    "Enter an email address like name@example.com.", "invalidEmailMessage"));
        } else {
            errors.addAll(rules.checkProfileField("email", email.normalized(), settings));
            rules.checkEmail(email).ifPresent(errors::add);
        }
        return email;
    }

    /**
     * As Keycloak's registration form: with "email as username" there is no username to choose;
     * otherwise one is required. Keycloak stores usernames in lower case; so do we.
     */
    private String username(String value, RegistrationSettings settings, List<FieldError> errors) {
        boolean given = value != null && !value.isBlank();
        if (settings.emailAsUsername()) {
            if (given) {
                errors.add(new FieldError("username", "username_not_allowed",
                        "Your email address is your username here; leave the username out."));
            }
            return null;
        }
        if (!given) {
            errors.add(new FieldError("username", "username_required", "Choose a username.",
                    "missingUsernameMessage"));
            return null;
        }
        String username = value.strip().toLowerCase(Locale.ROOT);
        errors.addAll(rules.checkProfileField("username", username, settings));
        return username;
    }

    private String name(String field, String code, String value, RegistrationSettings settings,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, code + "_required", "This field is required."));
            return null;
        }
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, code + "_too_long",
                    "At most " + MAX_NAME_LENGTH + " characters.", "error-invalid-length"));
        } else if (CONTROL.matcher(name).find()) {
            errors.add(new FieldError(field, code + "_invalid",
                    "Line breaks and control characters are not allowed."));
        } else {
            errors.addAll(rules.checkProfileField(field, name, settings));
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

    /** Each attribute is a string or a list of strings; the realm's user profile decides the rest. */
    private Map<String, List<String>> attributes(Map<String, Object> given, RegistrationSettings settings,
            List<FieldError> errors) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (given == null) {
            return attributes;
        }
        int before = errors.size();
        given.forEach((name, value) -> {
            List<String> values = values(value);
            if (values == null) {
                errors.add(new FieldError("attributes." + name, "field_invalid_type",
                        "Use a string or a list of strings."));
            } else {
                attributes.put(name, values);
            }
        });
        if (errors.size() == before) {
            errors.addAll(rules.checkAttributes(attributes, settings));
        }
        return attributes;
    }

    private static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return List.of(value.toString());
        }
        if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        return null;
    }

    private String terms(Boolean accepted, List<FieldError> errors) {
        if (config.terms().version().isEmpty()) {
            return null;
        }
        if (!Boolean.TRUE.equals(accepted)) {
            errors.add(new FieldError("acceptTerms", "terms_not_accepted",
                    "Accept the terms of service to sign up.", "termsAndConditionsRequired"));
        }
        return config.terms().version().get();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
