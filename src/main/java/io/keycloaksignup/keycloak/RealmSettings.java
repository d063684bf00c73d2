package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keycloaksignup.platform.SignupConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The realm's settings that shape sign-up, read through the admin API and reused for
 * {@code signup.keycloak.realm-settings-lifespan}; {@code signup.registration.*} overrides each.
 * When Keycloak cannot be reached, the last settings read are kept; before any were read,
 * Keycloak's defaults apply, so that sign-ups are never refused because Keycloak is briefly away.
 */
@ApplicationScoped
public class RealmSettings {

    private static final Logger LOG = Logger.getLogger(RealmSettings.class);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    /** The part of Keycloak's RealmRepresentation that matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Realm(String realm, String passwordPolicy, Boolean registrationAllowed,
            Boolean registrationEmailAsUsername, Boolean loginWithEmailAllowed,
            Boolean duplicateEmailsAllowed, Boolean verifyEmail) {
    }

    /** What the realm said, and its declarative user profile (JSON) when it could be read. */
    public record Snapshot(Realm realm, String userProfile, Instant readAt) {
    }

    private final KeycloakAdmin admin;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot cached;
    private volatile Instant lastAttempt;

    public RealmSettings(KeycloakAdmin admin, SignupConfig config) {
        this.admin = admin;
        this.config = config;
    }

    void logAtStartup(@Observes StartupEvent event) {
        Optional<Snapshot> snapshot = Optional.ofNullable(refresh());
        RegistrationSettings settings = settings();
        LOG.infof("Sign-up settings (%s): registration %s, email verification %s, email as username %s, "
                        + "login with email %s, duplicate emails %s, password policy '%s', hash %s, user profile %s",
                snapshot.isPresent() ? "realm " + config.keycloak().realm() + " with overrides"
                        : "Keycloak not reachable yet, Keycloak defaults with overrides",
                onOff(config.registration().enabled()), onOff(config.verification().enabled()),
                onOff(settings.emailAsUsername()), onOff(settings.loginWithEmail()),
                onOff(settings.duplicateEmails()), settings.passwordPolicy(), hashPolicy(),
                snapshot.map(s -> s.userProfile() != null ? "read" : "not readable").orElse("default"));
    }

    /** Sign-up settings in force: each override if set, otherwise the realm's, otherwise Keycloak's default. */
    public RegistrationSettings settings() {
        Optional<Snapshot> snapshot = current();
        Optional<Realm> realm = snapshot.map(Snapshot::realm);
        SignupConfig.Registration overrides = config.registration();
        return new RegistrationSettings(
                overrides.emailAsUsername().orElse(flag(realm.map(Realm::registrationEmailAsUsername), false)),
                overrides.loginWithEmail().orElse(flag(realm.map(Realm::loginWithEmailAllowed), true)),
                overrides.duplicateEmails().orElse(flag(realm.map(Realm::duplicateEmailsAllowed), false)),
                overrides.passwordPolicy().orElse(realm.map(Realm::passwordPolicy).orElse("")),
                snapshot.map(Snapshot::userProfile).orElse(null));
    }

    /** The hash format new credentials get: the configured one, else the realm's. */
    public PasswordHashPolicy hashPolicy() {
        SignupConfig.Password password = config.password();
        PasswordHashPolicy realmPolicy = PasswordHashPolicy.fromRealmPolicy(settings().passwordPolicy());
        if (password.hashAlgorithm().isEmpty() && password.hashIterations().isEmpty()) {
            return realmPolicy;
        }
        String algorithm = password.hashAlgorithm().orElse(realmPolicy.algorithm());
        int iterations = password.hashIterations().orElse(PasswordHashPolicy.defaultIterations(algorithm));
        return new PasswordHashPolicy(algorithm, iterations);
    }

    /**
     * The realm as last read, refreshed when older than the lifespan. After a failed read the next
     * try waits {@link #RETRY_AFTER_FAILURE}, so that sign-ups do not each wait for an absent Keycloak.
     */
    public Optional<Snapshot> current() {
        Snapshot snapshot = cached;
        Instant now = clock.instant();
        boolean stale = snapshot == null
                || snapshot.readAt().plus(config.keycloak().realmSettingsLifespan()).isBefore(now);
        Instant attempted = lastAttempt;
        if (stale && (attempted == null || attempted.plus(RETRY_AFTER_FAILURE).isBefore(now))) {
            snapshot = refresh();
        }
        return Optional.ofNullable(snapshot);
    }

    /** Reads the realm now; keeps the previous settings when Keycloak does not answer. */
    public synchronized Snapshot refresh() {
        lastAttempt = clock.instant();
        try {
            Realm realm = admin.realm();
            String userProfile = admin.userProfile().orElse(null);
            cached = new Snapshot(realm, userProfile, clock.instant());
            LOG.debugf("Realm settings of %s read", realm.realm());
        } catch (KeycloakUnavailableException e) {
            LOG.warnf("Realm settings could not be read, keeping %s: %s",
                    cached == null ? "Keycloak's defaults" : "the previous ones", e.getMessage());
        }
        return cached;
    }

    private static boolean flag(Optional<Boolean> value, boolean keycloakDefault) {
        return value.orElse(keycloakDefault);
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
