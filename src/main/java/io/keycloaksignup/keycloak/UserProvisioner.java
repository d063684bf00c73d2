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

    /** User attributes written besides the profile; the realm's user profile must declare them. */
    public static final String TERMS_ACCEPTED = "terms_and_conditions";
    public static final String TERMS_VERSION = "signup_terms_version";
    public static final String SOURCE = "signup_source";
    public static final String CLIENT_ID = "signup_client_id";

    private final KeycloakAdmin admin;
    private final DefaultMemberships memberships;
    private final String idAttribute;

    public UserProvisioner(KeycloakAdmin admin, DefaultMemberships memberships, SignupConfig config) {
        this.admin = admin;
        this.memberships = memberships;
        this.idAttribute = config.keycloak().registrationIdAttribute();
    }

    /** Creates the user of a confirmed registration (email verified). */
    public Outcome provision(Registration registration) {
        return provision(registration, true);
    }

    public Outcome provision(Registration registration, boolean emailVerified) {
        try {
            Outcome outcome = null;
            if (registration.provisioningAttempts > 1) {
                outcome = ours(registration).map(earlier -> (Outcome) new Outcome.Provisioned(earlier.id()))
                        .orElse(null);
            }
            if (outcome == null) {
                outcome = create(registration, emailVerified);
            }
            if (outcome instanceof Outcome.Provisioned provisioned) {
                memberships.grant(provisioned.userId());
            }
            return outcome;
        } catch (KeycloakUnavailableException e) {
            LOG.warnf("Registration %s not provisioned yet, Keycloak unavailable: %s", registration.id,
                    e.getMessage());
            return new Outcome.Retry(e.getMessage());
        }
    }

    private Outcome create(Registration registration, boolean emailVerified) {
        KeycloakAdmin.Creation creation = admin.createUser(toUser(registration, emailVerified));
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

    KeycloakUser toUser(Registration registration, boolean emailVerified) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (registration.attributes != null) {
            attributes.putAll(registration.attributes);
        }
        attributes.put(idAttribute, List.of(registration.id.toString()));
        if (registration.locale != null) {
            attributes.put("locale", List.of(registration.locale));
        }
        if (registration.termsVersion != null) {
            // Keycloak's own terms-and-conditions action records the acceptance time in seconds.
            attributes.put(TERMS_ACCEPTED, List.of(String.valueOf(registration.termsAcceptedAt.getEpochSecond())));
            attributes.put(TERMS_VERSION, List.of(registration.termsVersion));
        }
        if (registration.source != null) {
            attributes.put(SOURCE, List.of(registration.source));
        }
        if (registration.clientId != null) {
            attributes.put(CLIENT_ID, List.of(registration.clientId));
        }
        return new KeycloakUser(null, registration.effectiveUsername(), registration.emailNormalized,
                registration.firstName, registration.lastName, true, emailVerified, attributes,
                List.of(new KeycloakUser.Credential("password", registration.passwordSecretData,
                        registration.passwordCredentialData, false)),
                null);
    }
}
