package io.keycloaksignup.verification;

import io.keycloaksignup.keycloak.UserProvisioner;
import io.keycloaksignup.platform.Backoff;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.SignupMetrics;
import io.keycloaksignup.registration.EmailAddress;
import io.keycloaksignup.registration.Registration;
import io.keycloaksignup.registration.RegistrationRepository;
import io.keycloaksignup.registration.RegistrationState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Confirms an address and creates the account. Looking at a link changes nothing; confirming
 * spends the token with one conditional UPDATE, so that double clicks, several tabs and several
 * replicas produce exactly one Keycloak user and all of them see the same success.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);
    /** How long one attempt may hold the right to create the user before others may try. */
    static final Duration PROVISIONING_LEASE = Duration.ofSeconds(30);
    /** How long a concurrent confirmation waits for the attempt in flight before answering. */
    static final Duration WAIT_FOR_ATTEMPT = Duration.ofSeconds(10);

    private final RegistrationRepository registrations;
    private final UserProvisioner provisioner;
    private final SignupConfig config;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();

    @Inject
    SignupMetrics metrics;

    public VerificationService(RegistrationRepository registrations, UserProvisioner provisioner,
            SignupConfig config) {
        this.registrations = registrations;
        this.provisioner = provisioner;
        this.config = config;
        this.backoff = ProvisioningWorker.backoff(config);
    }

    /** What the link leads to, without changing anything (mail scanners may open it). */
    public VerificationResult preview(String token) {
        Optional<Registration> found = find(token);
        if (found.isEmpty()) {
            return VerificationResult.of(VerificationStatus.INVALID);
        }
        Registration registration = found.get();
        return switch (registration.state) {
            case PENDING -> isExpired(registration) ? VerificationResult.of(VerificationStatus.EXPIRED)
                    : new VerificationResult(VerificationStatus.CONFIRM,
                            EmailAddress.mask(registration.emailNormalized), registration.username, null);
            case VERIFIED -> VerificationResult.of(VerificationStatus.IN_PROGRESS);
            case PROVISIONED -> VerificationResult.of(VerificationStatus.ALREADY_USED);
            case CONFLICT -> VerificationResult.of(VerificationStatus.ACCOUNT_EXISTS);
            case EXPIRED -> VerificationResult.of(VerificationStatus.EXPIRED);
        };
    }

    /** Spends the token and creates the account, or reports why not. */
    public VerificationResult confirm(String token) {
        if (!VerificationToken.isWellFormed(token)) {
            return VerificationResult.of(VerificationStatus.INVALID);
        }
        String hash = VerificationToken.hashOf(token);
        Instant now = clock.instant();
        boolean won = QuarkusTransaction.requiringNew()
                .call(() -> registrations.markVerified(hash, now, now.plus(PROVISIONING_LEASE)));
        Optional<Registration> found = load(hash);
        if (found.isEmpty()) {
            return VerificationResult.of(VerificationStatus.INVALID);
        }
        Registration registration = found.get();
        if (won) {
            LOG.infof("Registration %s verified", registration.id);
            return provision(registration);
        }
        return afterLostRace(registration);
    }

    private VerificationResult afterLostRace(Registration registration) {
        return switch (registration.state) {
            case PENDING, EXPIRED -> VerificationResult.of(VerificationStatus.EXPIRED);
            case CONFLICT -> VerificationResult.of(VerificationStatus.ACCOUNT_EXISTS);
            case PROVISIONED -> recentlyProvisioned(registration);
            case VERIFIED -> retryOrWait(registration.id);
        };
    }

    /** A repeated confirmation shortly after success is a double click or a second tab. */
    private VerificationResult recentlyProvisioned(Registration registration) {
        Instant graceEnd = registration.provisionedAt.plus(config.verification().confirmGrace());
        return clock.instant().isBefore(graceEnd) ? VerificationResult.success(registration)
                : VerificationResult.of(VerificationStatus.ALREADY_USED);
    }

    /** Another request is creating the user, or an earlier attempt failed: take over or wait. */
    private VerificationResult retryOrWait(UUID id) {
        Instant deadline = clock.instant().plus(WAIT_FOR_ATTEMPT);
        while (true) {
            Instant now = clock.instant();
            boolean claimed = QuarkusTransaction.requiringNew()
                    .call(() -> registrations.claimProvisioning(id, now, now.plus(PROVISIONING_LEASE)));
            Registration registration = QuarkusTransaction.requiringNew().call(() -> registrations.findById(id));
            if (claimed) {
                return provision(registration);
            }
            if (registration.state != RegistrationState.VERIFIED) {
                return afterLostRace(registration);
            }
            if (now.isAfter(deadline)) {
                return VerificationResult.of(VerificationStatus.IN_PROGRESS);
            }
            pause();
        }
    }

    private VerificationResult provision(Registration registration) {
        UserProvisioner.Outcome outcome = provisioner.provision(registration);
        Instant now = clock.instant();
        return switch (outcome) {
            case UserProvisioner.Outcome.Provisioned provisioned -> {
                metrics.provisioning("provisioned");
                QuarkusTransaction.requiringNew().run(() ->
                        registrations.markProvisioned(registration.id, provisioned.userId(), now));
                LOG.infof("Registration %s provisioned as Keycloak user %s", registration.id, provisioned.userId());
                yield VerificationResult.success(registration);
            }
            case UserProvisioner.Outcome.Conflict conflict -> {
                metrics.provisioning("conflict");
                QuarkusTransaction.requiringNew().run(() -> registrations.markConflict(registration.id, now));
                yield VerificationResult.of(VerificationStatus.ACCOUNT_EXISTS);
            }
            case UserProvisioner.Outcome.Retry retry -> {
                metrics.provisioning("retry");
                // The person may try again at once; the background worker waits for the backoff.
                Instant retryAt = now.plus(backoff.delay(registration.provisioningAttempts));
                QuarkusTransaction.requiringNew().run(() ->
                        registrations.releaseProvisioning(registration.id, retryAt));
                yield VerificationResult.of(VerificationStatus.IN_PROGRESS);
            }
        };
    }

    private Optional<Registration> find(String token) {
        if (!VerificationToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return load(VerificationToken.hashOf(token));
    }

    private Optional<Registration> load(String hash) {
        return QuarkusTransaction.requiringNew().call(() -> registrations.findByTokenHash(hash));
    }

    private boolean isExpired(Registration registration) {
        return !registration.expiresAt.isAfter(clock.instant());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for provisioning", e);
        }
    }
}
