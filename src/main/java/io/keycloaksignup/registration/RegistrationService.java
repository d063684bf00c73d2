package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.KeycloakUnavailableException;
import io.keycloaksignup.keycloak.PasswordCredential;
import io.keycloaksignup.keycloak.PasswordHasher;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.keycloak.UserProvisioner;
import io.keycloaksignup.mail.VerificationMailer;
import io.keycloaksignup.platform.AccountExistsException;
import io.keycloaksignup.platform.RegistrationClosedException;
import io.keycloaksignup.platform.ServiceBusyException;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.ValidationException;
import io.keycloaksignup.registration.rules.RegistrationRules;
import io.keycloaksignup.verification.VerificationToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a sign-up: checks it, hashes the password, stores a pending registration with a fresh
 * token and mails the link. The caller learns nothing about whether the address was known: a new
 * address and a repeated one take the same path and give the same answer. With email verification
 * off, the Keycloak user is created at once instead.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final RegistrationValidator validator;
    private final RegistrationRules rules;
    private final PasswordHasher hasher;
    private final RegistrationRepository registrations;
    private final VerificationMailer mailer;
    private final UserProvisioner provisioner;
    private final RealmSettings realm;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();

    public RegistrationService(RegistrationValidator validator, RegistrationRules rules, PasswordHasher hasher,
            RegistrationRepository registrations, VerificationMailer mailer, UserProvisioner provisioner,
            RealmSettings realm, SignupConfig config) {
        this.validator = validator;
        this.rules = rules;
        this.hasher = hasher;
        this.registrations = registrations;
        this.mailer = mailer;
        this.provisioner = provisioner;
        this.realm = realm;
        this.config = config;
    }

    public RegistrationOutcome register(RegistrationRequest request, String source) {
        if (!config.registration().enabled()) {
            throw new RegistrationClosedException();
        }
        NewRegistration registration = validator.validate(request, source);
        rules.checkBreached(request.password()).ifPresent(error -> {
            throw new ValidationException(error);
        });
        PasswordCredential credential = hasher.hash(request.password(), realm.hashPolicy());
        if (!config.verification().enabled()) {
            return createNow(registration, credential);
        }
        VerificationToken token = VerificationToken.generate();

        Optional<UUID> id = store(registration, credential, token);
        if (id.isEmpty()) {
            LOG.debugf("Sign-up for %s ignored: its registration is already confirmed",
                    EmailAddress.mask(registration.email().normalized()));
            return new RegistrationOutcome.Accepted();
        }
        LOG.infof("Registration %s pending verification", id.get());
        mailer.sendVerification(id.get(), registration, token);
        return new RegistrationOutcome.Accepted();
    }

    @Transactional
    Optional<UUID> store(NewRegistration registration, PasswordCredential credential,
            VerificationToken token) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.verification().lifespan());
        return registrations.upsertPending(registration, credential, token.hash(), now, expiresAt);
    }

    /** Email verification off: what Keycloak's own form does, the user exists right away. */
    private RegistrationOutcome createNow(NewRegistration registration, PasswordCredential credential) {
        Registration unverified = Registration.from(UUID.randomUUID(), registration, credential, clock.instant());
        UserProvisioner.Outcome outcome = provisioner.provision(unverified, false);
        return switch (outcome) {
            case UserProvisioner.Outcome.Provisioned created -> {
                LOG.infof("Registration %s created Keycloak user %s without email verification",
                        unverified.id, created.userId());
                yield new RegistrationOutcome.Created(created.userId());
            }
            case UserProvisioner.Outcome.Conflict conflict -> throw new AccountExistsException();
            case UserProvisioner.Outcome.Retry retry -> throw new ServiceBusyException("keycloak_unavailable",
                    "Keycloak unavailable: " + retry.reason(), new KeycloakUnavailableException(retry.reason()));
        };
    }
}
