package io.keycloaksignup.verification;

import io.keycloaksignup.keycloak.UserProvisioner;
import io.keycloaksignup.mail.Outbox;
import io.keycloaksignup.mail.OutboxKind;
import io.keycloaksignup.mail.OutboxSender;
import io.keycloaksignup.platform.Backoff;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.Registration;
import io.keycloaksignup.registration.RegistrationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finishes confirmed registrations that the confirming request could not: Keycloak was down, or
 * the replica died mid-way. Runs in every replica; a registration is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and the provisioning lease, so only one attempt runs at a time,
 * also against a person pressing "Try again". Failures wait a doubling backoff; it never gives up.
 * The person was told "being finished" and is not waiting, so success sends "your account is
 * ready" through the outbox, committed with the state change.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);
    private static final int BATCH = 5;

    private final RegistrationRepository registrations;
    private final UserProvisioner provisioner;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();

    public ProvisioningWorker(RegistrationRepository registrations, UserProvisioner provisioner,
            Outbox outbox, OutboxSender sender, SignupConfig config) {
        this.registrations = registrations;
        this.provisioner = provisioner;
        this.outbox = outbox;
        this.sender = sender;
        this.backoff = backoff(config);
    }

    static Backoff backoff(SignupConfig config) {
        return new Backoff(config.provisioning().retryBackoff(), config.provisioning().retryMaxBackoff(), 2);
    }

    @Scheduled(identity = "provisioning-worker", every = "1s", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            finishDue();
        } catch (RuntimeException e) {
            // Database unreachable or similar: leases run out and the next tick tries again.
            LOG.warnf("Provisioning worker pass failed: %s", e.getClass().getSimpleName());
        }
    }

    /** Tries every confirmed registration that is due; returns how many were tried. */
    public int finishDue() {
        int tried = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> registrations
                    .claimDueProvisioning(now, now.plus(VerificationService.PROVISIONING_LEASE), BATCH));
            if (due.isEmpty()) {
                return tried;
            }
            due.forEach(this::finish);
            tried += due.size();
        }
    }

    private void finish(UUID id) {
        Registration registration = QuarkusTransaction.requiringNew().call(() -> registrations.findById(id));
        UserProvisioner.Outcome outcome = provisioner.provision(registration);
        Instant now = clock.instant();
        switch (outcome) {
            case UserProvisioner.Outcome.Provisioned provisioned -> {
                boolean won = QuarkusTransaction.requiringNew().call(() -> {
                    boolean moved = registrations.markProvisioned(id, provisioned.userId(), now);
                    if (moved) {
                        outbox.enqueue(OutboxKind.ACCOUNT_READY_MAIL, id, "provisioned_later", now);
                    }
                    return moved;
                });
                if (won) {
                    LOG.infof("Registration %s provisioned in the background as Keycloak user %s", id,
                            provisioned.userId());
                    sender.nudge();
                }
            }
            case UserProvisioner.Outcome.Conflict conflict -> {
                QuarkusTransaction.requiringNew().run(() -> registrations.markConflict(id, now));
                LOG.infof("Registration %s conflicts with an existing Keycloak account", id);
            }
            case UserProvisioner.Outcome.Retry retry -> {
                Instant retryAt = now.plus(backoff.delay(registration.provisioningAttempts));
                QuarkusTransaction.requiringNew().run(() -> registrations.releaseProvisioning(id, retryAt));
                LOG.debugf("Registration %s: next provisioning attempt at %s", id, retryAt);
            }
        }
    }
}
