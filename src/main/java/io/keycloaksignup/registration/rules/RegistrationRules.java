package io.keycloaksignup.registration.rules;

import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.keycloak.RegistrationSettings;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every rule a sign-up must pass besides the shape of its fields: the realm's settings, password
 * policy and user profile, the service's own password floor and block lists, the email domain
 * rules and the redirect rules. Lists are loaded once, at start-up.
 */
@ApplicationScoped
public class RegistrationRules {

    private static final Logger LOG = Logger.getLogger(RegistrationRules.class);

    private final RealmSettings realm;
    private final SignupConfig config;
    private final EmailPolicy emailPolicy;
    private final CommonPasswords commonPasswords;
    private final BreachedPasswords breachedPasswords;
    private final RedirectPolicy redirects;
    private final PasswordPolicy.Floor floor;
    private final Map<String, PasswordPolicy> passwordPolicies = new ConcurrentHashMap<>();
    private final Map<String, UserProfileValidator> profileValidators = new ConcurrentHashMap<>();

    public RegistrationRules(RealmSettings realm, SignupConfig config, BreachedPasswords breachedPasswords,
            RedirectPolicy redirects) {
        this.redirects = redirects;
        this.realm = realm;
        this.config = config;
        this.emailPolicy = EmailPolicy.from(config.email());
        this.commonPasswords = CommonPasswords.load(config.password().blocklistFile());
        this.breachedPasswords = breachedPasswords;
        this.floor = new PasswordPolicy.Floor(config.password().minLength(), config.password().maxLength());
    }

    public RegistrationSettings settings() {
        return realm.settings();
    }

    public Optional<FieldError> checkEmail(EmailAddress email) {
        return emailPolicy.check(email);
    }

    /**
     * The realm's password policy as Keycloak would apply it to a plaintext password, the service's
     * floor (length in code points, never the email or username) and the common-password list.
     */
    public List<FieldError> checkPassword(String password, String username, String email,
            RegistrationSettings settings) {
        List<FieldError> errors = new ArrayList<>(passwordPolicy(settings.passwordPolicy())
                .check(password, username, email));
        boolean reported = errors.stream().anyMatch(error -> error.code().startsWith("password_equals_"));
        if (!reported && email != null && password.equalsIgnoreCase(email)) {
            errors.add(new FieldError("password", "password_equals_email",
                    "Your password must not be your email address.", "invalidPasswordNotEmailMessage"));
        } else if (!reported && username != null && password.equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "password_equals_username",
                    "Your password must not be your username.", "invalidPasswordNotUsernameMessage"));
        }
        return errors;
    }

    /** The policy for this policy string, parsed once; a string Keycloak would refuse leaves the floor. */
    private PasswordPolicy passwordPolicy(String policy) {
        String key = policy == null ? "" : policy;
        return passwordPolicies.computeIfAbsent(key, text -> {
            try {
                return PasswordPolicy.parse(text, floor, commonPasswords::contains, config.password().blacklistDir());
            } catch (IllegalArgumentException e) {
                LOG.errorf("The password policy '%s' is not valid (%s); only the service's own rules apply",
                        text, e.getMessage());
                return PasswordPolicy.parse("", floor, commonPasswords::contains);
            }
        });
    }

    /** Whether a breach corpus knows the password (only when the check is configured). */
    public Optional<FieldError> checkBreached(String password) {
        if (!breachedPasswords.isBreached(password)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("password", "password_breached",
                "This password has appeared in a data breach; choose another one."));
    }

    /** The realm's user-profile attributes sent under {@code attributes}, as Keycloak validates them. */
    public List<FieldError> checkAttributes(Map<String, List<String>> attributes, RegistrationSettings settings) {
        return profileValidator(settings).validate(attributes);
    }

    /**
     * A built-in field (username, email, firstName, lastName) against the realm's user profile; the
     * codes name the field ({@code username_invalid}, {@code first_name_too_long}).
     */
    public List<FieldError> checkProfileField(String name, String value, RegistrationSettings settings) {
        String prefix = name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT) + "_";
        return profileValidator(settings).validateAttribute(name, value == null ? List.of() : List.of(value))
                .stream()
                .map(error -> new FieldError(error.field(), error.code().replaceFirst("^attribute_", prefix),
                        error.message(), error.keycloakError()))
                .toList();
    }

    /** The validator for the realm's user profile as last read, or Keycloak's default profile. */
    private UserProfileValidator profileValidator(RegistrationSettings settings) {
        String key = settings.emailAsUsername() + "\n" + (settings.userProfile() == null ? "" : settings.userProfile());
        return profileValidators.computeIfAbsent(key, ignored -> {
            UserProfile profile = UserProfile.keycloakDefault();
            if (settings.userProfile() != null) {
                try {
                    profile = UserProfile.parse(settings.userProfile());
                } catch (RuntimeException e) {
                    LOG.errorf("The realm's user profile cannot be read (%s); Keycloak's default applies",
                            e.getMessage());
                }
            }
            return new UserProfileValidator(profile,
                    RealmContext.keycloakDefaults().withRegistrationEmailAsUsername(settings.emailAsUsername()));
        });
    }

    public Optional<FieldError> checkRedirect(String clientId, String redirectUri) {
        return redirects.check(clientId, redirectUri);
    }
}
