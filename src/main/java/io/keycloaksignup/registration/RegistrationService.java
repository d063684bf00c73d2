package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.KeycloakUnavailableException;
import io.keycloaksignup.keycloak.PasswordCredential;
import io.keycloaksignup.keycloak.PasswordHasher;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.keycloak.UserProvisioner;
import io.keycloaksignup.mail.Outbox;
import io.keycloaksignup.mail.OutboxKind;
import io.keycloaksignup.mail.OutboxSender;
import io.keycloaksignup.platform.AccountExistsException;
import io.keycloaksignup.platform.RegistrationClosedException;
import io.keycloaksignup.platform.ServiceBusyException;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.SignupMetrics;
import io.keycloaksignup.platform.ValidationException;
import io.keycloaksignup.registration.rules.RegistrationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Accepts a sign-up: checks it, hashes the password, and stores a pending registration together
 * with its verification mail in the outbox, in one transaction. The mail server is never called
 * here, so an SMTP outage delays mail but fails no request. The caller learns nothing about
 * whether the address was known: a new address and a repeated one take the same path and give the
 * same answer. With email verification off, the Keycloak user is created at once instead.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final RegistrationValidator validator;
    private final RegistrationRules rules;
    private final PasswordHasher hasher;
    private final RegistrationRepository registrations;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final UserProvisioner provisioner;
    private final RealmSettings realm;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();

    @Inject
    SignupMetrics metrics;

    public RegistrationService(RegistrationValidator validator, RegistrationRules rules, PasswordHasher hasher,
            RegistrationRepository registrations, Outbox outbox, OutboxSender sender,
            UserProvisioner provisioner, RealmSettings realm, SignupConfig config) {
        this.validator = validator;
        this.rules = rules;
        this.hasher = hasher;
        this.registrations = registrations;
        this.outbox = outbox;
        this.sender = sender;
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

        Optional<UUID> id = store(registration, credential);
        if (id.isEmpty()) {
            LOG.debugf("Sign-up for %s ignored: its registration is already confirmed",
                    EmailAddress.mask(registration.email().normalized()));
            metrics.registration("accepted");
            return new RegistrationOutcome.Accepted();
        }
        LOG.infof("Registration %s pending verification", id.get());
        sender.nudge();
        metrics.registration("accepted");
        return new RegistrationOutcome.Accepted();
    }

    /** The registration and its verification mail commit together or not at all. */
    @Transactional
    Optional<UUID> store(NewRegistration registration, PasswordCredential credential) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.verification().lifespan());
        Optional<UUID> id = registrations.upsertPending(registration, credential, now, expiresAt);
        id.ifPresent(stored -> outbox.enqueue(OutboxKind.VERIFICATION_MAIL, stored, "sign_up", now));
        return id;
    }

    /**
     * Mails a fresh link for the address's pending registration (the old link dies when it is
     * sent), at most once per cooldown and a limited number of times. Unknown addresses, used-up
     * or cooling-down registrations and malformed input are ignored without a word: the caller
     * always gets the same answer.
     */
    public void resend(String email) {
        if (email == null || email.isBlank() || email.length() > EmailAddress.MAX_LENGTH * 2) {
            return;
        }
        String normalized = EmailAddress.of(email).normalized();
        Optional<UUID> id = requestResend(normalized);
        if (id.isPresent()) {
            LOG.infof("Registration %s gets a new verification mail", id.get());
            sender.nudge();
        } else {
            LOG.debugf("Resend for %s ignored", EmailAddress.mask(normalized));
        }
    }

    @Transactional
    Optional<UUID> requestResend(String normalizedEmail) {
        Instant now = clock.instant();
        Optional<UUID> id = registrations.claimResend(normalizedEmail, now,
                now.minus(config.verification().resendCooldown()), config.verification().maxResends());
        id.ifPresent(claimed -> outbox.enqueue(OutboxKind.VERIFICATION_MAIL, claimed, "resend", now));
        return id;
    }

    /** Email verification off: what Keycloak's own form does, the user exists right away. */
    private RegistrationOutcome createNow(NewRegistration registration, PasswordCredential credential) {
        Registration unverified = Registration.from(UUID.randomUUID(), registration, credential, clock.instant());
        UserProvisioner.Outcome outcome = provisioner.provision(unverified, false);
        return switch (outcome) {
            case UserProvisioner.Outcome.Provisioned created -> {
                LOG.infof("Registration %s created Keycloak user %s without email verification",
                        unverified.id, created.userId());
                metrics.registration("created");
                yield new RegistrationOutcome.Created(created.userId());
            }
            case UserProvisioner.Outcome.Conflict conflict -> throw new AccountExistsException();
            case UserProvisioner.Outcome.Retry retry -> throw new ServiceBusyException("keycloak_unavailable",
                    "Keycloak unavailable: " + retry.reason(), new KeycloakUnavailableException(retry.reason()));
        };
    }
}
