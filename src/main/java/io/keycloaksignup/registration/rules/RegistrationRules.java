package io.keycloaksignup.registration.rules;

import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.keycloak.RegistrationSettings;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule a sign-up must pass besides the shape of its fields: the realm's settings, password
 * policy and user profile, the service's own password floor and block lists, the email domain
 * rules and the redirect rules. Lists are loaded once, at start-up.
 */
@ApplicationScoped
public class RegistrationRules {

    private final RealmSettings realm;
    private final SignupConfig config;
    private final EmailPolicy emailPolicy;
    private final CommonPasswords commonPasswords;
    private final BreachedPasswords breachedPasswords;
    private final RedirectPolicy redirects;

    public RegistrationRules(RealmSettings realm, SignupConfig config, BreachedPasswords breachedPasswords,
            RedirectPolicy redirects) {
        this.redirects = redirects;
        this.realm = realm;
        this.config = config;
        this.emailPolicy = EmailPolicy.from(config.email());
        this.commonPasswords = CommonPasswords.load(config.password().blocklistFile());
        this.breachedPasswords = breachedPasswords;
    }

    public RegistrationSettings settings() {
        return realm.settings();
    }

    public Optional<FieldError> checkEmail(EmailAddress email) {
        return emailPolicy.check(email);
    }

    /** The realm's password policy, the service's floor and the common-password list. */
    public List<FieldError> checkPassword(String password, String username, String email,
            RegistrationSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        SignupConfig.Password floor = config.password();
        int length = password.codePointCount(0, password.length());
        if (length < floor.minLength()) {
            errors.add(new FieldError("password", "password_too_short",
                    "Use at least " + floor.minLength() + " characters.", "invalidPasswordMinLengthMessage"));
        } else if (length > floor.maxLength()) {
            errors.add(new FieldError("password", "password_too_long",
                    "Use at most " + floor.maxLength() + " characters.", "invalidPasswordMaxLengthMessage"));
        }
        if (email != null && password.strip().equalsIgnoreCase(email)) {
            errors.add(new FieldError("password", "password_equals_email",
                    "Your password must not be your email address.", "invalidPasswordNotEmailMessage"));
        } else if (username != null && password.strip().equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "password_equals_username",
                    "Your password must not be your username.", "invalidPasswordNotUsernameMessage"));
        }
        if (commonPasswords.contains(password)) {
            errors.add(new FieldError("password", "password_common",
                    "This password is too common; choose one that is harder to guess."));
        }
        return errors;
    }

    /** Whether a breach corpus knows the password (only when the check is configured). */
    public Optional<FieldError> checkBreached(String password) {
        if (!breachedPasswords.isBreached(password)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("password", "password_breached",
                "This password has appeared in a data breach; choose another one."));
    }

    public List<FieldError> checkAttributes(Map<String, List<String>> attributes, RegistrationSettings settings) {
        return attributes.keySet().stream()
                .map(name -> new FieldError("attributes." + name, "attribute_unknown",
                        "This attribute is not accepted here."))
                .toList();
    }

    public Optional<FieldError> checkRedirect(String clientId, String redirectUri) {
        return redirects.check(clientId, redirectUri);
    }
}
