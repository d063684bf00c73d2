package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.PasswordCredential;
import io.keycloaksignup.keycloak.PasswordHasher;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.mail.VerificationMailer;
import io.keycloaksignup.platform.SignupConfig;
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
 * address and a repeated one take the same path and give the same answer.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final RegistrationValidator validator;
    private final PasswordHasher hasher;
    private final RegistrationRepository registrations;
    private final VerificationMailer mailer;
    private final RealmSettings realm;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();

    public RegistrationService(RegistrationValidator validator, PasswordHasher hasher,
            RegistrationRepository registrations, VerificationMailer mailer, RealmSettings realm,
            SignupConfig config) {
        this.validator = validator;
        this.hasher = hasher;
        this.registrations = registrations;
        this.mailer = mailer;
        this.realm = realm;
        this.config = config;
    }

    public void register(RegistrationRequest request) {
        NewRegistration registration = validator.validate(request);
        PasswordCredential credential = hasher.hash(request.password(), realm.hashPolicy());
        VerificationToken token = VerificationToken.generate();

        Optional<UUID> id = store(registration, credential, token);
        if (id.isEmpty()) {
            LOG.debugf("Sign-up for %s ignored: its registration is already confirmed",
                    EmailAddress.mask(registration.email().normalized()));
            return;
        }
        LOG.infof("Registration %s pending verification", id.get());
        mailer.sendVerification(id.get(), registration, token);
    }

    @Transactional
    Optional<UUID> store(NewRegistration registration, PasswordCredential credential,
            VerificationToken token) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.verification().lifespan());
        return registrations.upsertPending(registration, credential, token.hash(), now, expiresAt);
    }
}
