package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The realm's settings that shape sign-up, read through the admin API and reused for
 * {@code signup.keycloak.realm-settings-lifespan}. When Keycloak cannot be reached, the last
 * settings read are kept; before any were read, Keycloak's defaults apply, so that sign-ups are
 * never refused because Keycloak is briefly away.
 */
@ApplicationScoped
public class RealmSettings {

    private static final Logger LOG = Logger.getLogger(RealmSettings.class);

    /** The part of Keycloak's RealmRepresentation that matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Realm(String realm, String passwordPolicy, Boolean registrationAllowed,
            Boolean registrationEmailAsUsername, Boolean loginWithEmailAllowed,
            Boolean duplicateEmailsAllowed, Boolean verifyEmail) {
    }

    private record Cached(Realm realm, Instant readAt) {
    }

    private final KeycloakAdmin admin;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();
    private volatile Cached cached;

    public RealmSettings(KeycloakAdmin admin, SignupConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /** The hash format new credentials get: the configured one, else the realm's. */
    public PasswordHashPolicy hashPolicy() {
        SignupConfig.Password password = config.password();
        PasswordHashPolicy realmPolicy = current()
                .map(realm -> PasswordHashPolicy.fromRealmPolicy(realm.passwordPolicy()))
                .orElse(PasswordHashPolicy.KEYCLOAK_DEFAULT);
        if (password.hashAlgorithm().isEmpty() && password.hashIterations().isEmpty()) {
            return realmPolicy;
        }
        String algorithm = password.hashAlgorithm().orElse(realmPolicy.algorithm());
        int iterations = password.hashIterations().orElse(PasswordHashPolicy.defaultIterations(algorithm));
        return new PasswordHashPolicy(algorithm, iterations);
    }

    /** The realm as last read, refreshed when older than the lifespan. */
    public Optional<Realm> current() {
        Cached snapshot = cached;
        if (snapshot == null || snapshot.readAt().plus(config.keycloak().realmSettingsLifespan())
                .isBefore(clock.instant())) {
            snapshot = refresh();
        }
        return Optional.ofNullable(snapshot).map(Cached::realm);
    }

    /** Reads the realm now; keeps the previous settings when Keycloak does not answer. */
    public synchronized Cached refresh() {
        try {
            Realm realm = admin.realm();
            cached = new Cached(realm, clock.instant());
            LOG.debugf("Realm settings of %s read (password policy: %s)", realm.realm(),
                    realm.passwordPolicy() == null ? "Keycloak default" : realm.passwordPolicy());
        } catch (KeycloakUnavailableException e) {
            LOG.warnf("Realm settings could not be read, keeping %s: %s",
                    cached == null ? "Keycloak's defaults" : "the previous ones", e.getMessage());
        }
        return cached;
    }
}
