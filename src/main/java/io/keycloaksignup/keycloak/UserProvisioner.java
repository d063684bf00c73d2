package io.keycloaksignup.keycloak;

import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Creates the Keycloak user of a confirmed registration: enabled, email verified, with the
 * pre-hashed password and the registration id as an attribute. The attribute makes creation
 * idempotent: when Keycloak answers 409, a user carrying our registration id is our own earlier
 * attempt, and anyone else's user is a genuine conflict.
 */
@ApplicationScoped
public class UserProvisioner {

    private static final Logger LOG = Logger.getLogger(UserProvisioner.class);

    /** What became of one attempt. */
    public sealed interface Outcome {
        /** The user exists (now, or from an earlier attempt of ours). */
        record Provisioned(String userId) implements Outcome { }

        /** Keycloak holds another person's account with this username or email. */
        record Conflict() implements Outcome { }

        /** Nothing certain happened; the attempt may be repeated safely. */
        record Retry(String reason) implements Outcome { }
    }

    private final KeycloakAdmin admin;
    private final String idAttribute;

    public UserProvisioner(KeycloakAdmin admin, SignupConfig config) {
        this.admin = admin;
        this.idAttribute = config.keycloak().registrationIdAttribute();
    }

    public Outcome provision(Registration registration) {
        try {
            if (registration.provisioningAttempts > 1) {
                Optional<KeycloakUser> earlier = ours(registration);
                if (earlier.isPresent()) {
                    return new Outcome.Provisioned(earlier.get().id());
                }
            }
            return create(registration);
        } catch (KeycloakUnavailableException e) {
            LOG.warnf("Registration %s not provisioned yet, Keycloak unavailable: %s", registration.id,
                    e.getMessage());
            return new Outcome.Retry(e.getMessage());
        }
    }

    private Outcome create(Registration registration) {
        KeycloakAdmin.Creation creation = admin.createUser(toUser(registration));
        return switch (creation) {
            case KeycloakAdmin.Creation.Created created -> new Outcome.Provisioned(created.userId());
            case KeycloakAdmin.Creation.Conflict conflict -> afterConflict(registration, conflict.reason());
            case KeycloakAdmin.Creation.Rejected rejected -> {
                LOG.errorf("Keycloak refused the user of registration %s: %d %s", registration.id,
                        rejected.status(), rejected.reason());
                yield new Outcome.Retry("refused by Keycloak: " + rejected.status());
            }
        };
    }

    private Outcome afterConflict(Registration registration, String reason) {
        Optional<KeycloakUser> ours = ours(registration);
        if (ours.isPresent()) {
            LOG.infof("Registration %s: Keycloak user %s is ours from an earlier attempt", registration.id,
                    ours.get().id());
            return new Outcome.Provisioned(ours.get().id());
        }
        boolean someoneElse = Stream.of(admin.findByUsername(registration.effectiveUsername()),
                        admin.findByEmail(registration.emailNormalized))
                .flatMap(Optional::stream)
                .anyMatch(user -> !registration.id.toString().equals(user.attribute(idAttribute)));
        if (someoneElse) {
            LOG.infof("Registration %s conflicts with an existing Keycloak account (%s)", registration.id, reason);
            return new Outcome.Conflict();
        }
        // 409 but nobody found yet: a concurrent creation that has not committed. Try again.
        return new Outcome.Retry("conflict without a visible user");
    }

    private Optional<KeycloakUser> ours(Registration registration) {
        return admin.findByAttribute(idAttribute, registration.id.toString()).stream()
                .filter(user -> registration.id.toString().equals(user.attribute(idAttribute)))
                .findFirst();
    }

    KeycloakUser toUser(Registration registration) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(idAttribute, List.of(registration.id.toString()));
        if (registration.locale != null) {
            attributes.put("locale", List.of(registration.locale));
        }
        return new KeycloakUser(null, registration.effectiveUsername(), registration.emailNormalized,
                registration.firstName, registration.lastName, true, true, attributes,
                List.of(new KeycloakUser.Credential("password", registration.passwordSecretData,
                        registration.passwordCredentialData, false)),
                null);
    }
}
