package io.keycloaksignup.mail;

import io.keycloaksignup.platform.Backoff;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.platform.SignupMetrics;
import io.keycloaksignup.registration.Registration;
import io.keycloaksignup.registration.RegistrationRepository;
import io.keycloaksignup.registration.RegistrationState;
import io.keycloaksignup.verification.VerificationToken;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds, in every replica: once a second, and at once when a request has
 * just committed a message ({@link #nudge()}). Each message is claimed before it is sent, so two
 * senders never send the same one; a failure makes it due again after a backoff, and after
 * {@code signup.mail.max-attempts} it is marked dead and logged at ERROR.
 *
 * <p>The verification token is created here, not at sign-up, so that no plaintext token is ever
 * stored: its hash is written to the registration just before the mail goes out (old link dead,
 * new link valid for the lifespan from now). A crash between the SMTP server accepting the mail
 * and the message being marked sent makes the message go out again with a new token: the person
 * then has two mails and only the newer link works.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    /** Longer than a send may take (30 s), so that a claim never runs out under a live sender. */
    static final Duration CLAIM = Duration.ofSeconds(90);
    private static final int BATCH = 10;
    /** How long shutdown waits for a mail being handed to the mail server. */
    private static final Duration SEND_GRACE = Duration.ofSeconds(15);
    private static final double BACKOFF_MULTIPLIER = 4;

    private final Outbox outbox;
    private final SignupMetrics metrics;
    private final RegistrationRepository registrations;
    private final SignupMailer mailer;
    private final SignupConfig config;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** Messages this instance has claimed and not started to send; guarded by itself. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Mails being handed to the mail server right now. */
    private final AtomicInteger sending = new AtomicInteger();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-nudge");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxSender(Outbox outbox, RegistrationRepository registrations, SignupMailer mailer,
            SignupConfig config, SignupMetrics metrics) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.registrations = registrations;
        this.mailer = mailer;
        this.config = config;
        this.backoff = new Backoff(config.mail().retryBackoff(), config.mail().retryMaxBackoff(),
                BACKOFF_MULTIPLIER);
    }

    /**
     * Asks for a send soon, without waiting for it. Call after the transaction that enqueued a
     * message has committed. Nudges that arrive while one is queued are folded into it.
     */
    public void nudge() {
        if (stopping || !nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            nudges.execute(() -> {
                nudged.set(false);
                sendDueSafely();
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the message is committed, and another replica (or the next start) sends it.
            nudged.set(false);
        }
    }

    @Scheduled(identity = "outbox-sender", every = "1s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sendDueSafely();
    }

    /** Sends every message that is due now; returns how many were handled. */
    public int sendDue() {
        int handled = 0;
        while (true) {
            List<OutboxMessage> batch;
            // Claiming and recording the claim happen under the lock that shutdown takes, so a
            // shutdown sees every claim this instance holds and can hand it back.
            synchronized (held) {
                if (stopping) {
                    return handled;
                }
                Instant now = clock.instant();
                batch = QuarkusTransaction.requiringNew().call(() -> outbox.claimDue(now, now.plus(CLAIM), BATCH));
                batch.forEach(message -> held.add(message.id()));
            }
            if (batch.isEmpty()) {
                return handled;
            }
            for (OutboxMessage message : batch) {
                synchronized (held) {
                    if (stopping) {
                        return handled;
                    }
                    held.remove(message.id());
                    sending.incrementAndGet();
                }
                try {
                    deliver(message);
                } finally {
                    sending.decrementAndGet();
                }
                handled++;
            }
        }
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database is unreachable or similar: claims run out and the next tick retries.
            LOG.warnf("Outbox sender pass failed: %s", e.getClass().getSimpleName());
        }
    }

    private void deliver(OutboxMessage message) {
        try {
            boolean sent = switch (message.kind()) {
                case VERIFICATION_MAIL -> sendVerification(message);
                case ACCOUNT_READY_MAIL -> sendAccountReady(message);
            };
            if (sent) {
                QuarkusTransaction.requiringNew().run(() -> outbox.markSent(message.id(), clock.instant()));
                metrics.mail(message.kind().name(), "sent");
                LOG.infof("Mail %s (%s) for registration %s handed to the mail server", message.id(),
                        message.kind(), message.registrationId());
            }
        } catch (RuntimeException e) {
            failed(message, e);
        }
    }

    private boolean sendVerification(OutboxMessage message) {
        Registration registration = load(message);
        if (registration == null || registration.state != RegistrationState.PENDING) {
            cancel(message, "registration no longer pending");
            return false;
        }
        VerificationToken token = VerificationToken.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.verification().lifespan());
        // The hash is stored before the mail leaves, so the link works the moment it arrives.
        boolean issued = QuarkusTransaction.requiringNew()
                .call(() -> registrations.issueToken(registration.id, token.hash(), now, expiresAt));
        if (!issued) {
            cancel(message, "registration no longer pending");
            return false;
        }
        mailer.sendVerification(registration, token);
        return true;
    }

    private boolean sendAccountReady(OutboxMessage message) {
        Registration registration = load(message);
        if (registration == null || registration.state != RegistrationState.PROVISIONED) {
            cancel(message, "registration not provisioned or purged");
            return false;
        }
        mailer.sendAccountReady(registration);
        return true;
    }

    private Registration load(OutboxMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> registrations.findById(message.registrationId()));
    }

    private void cancel(OutboxMessage message, String why) {
        QuarkusTransaction.requiringNew().run(() -> outbox.cancel(message.id(), why));
        LOG.debugf("Mail %s for registration %s cancelled: %s", message.id(), message.registrationId(), why);
    }

    /** Only the kind of failure is kept: SMTP replies can quote the address. */
    private void failed(OutboxMessage message, RuntimeException e) {
        String error = e.getClass().getSimpleName();
        if (message.attempts() >= config.mail().maxAttempts()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.markDead(message.id(), error));
            metrics.mail(message.kind().name(), "dead");
            LOG.errorf("Mail %s (%s) for registration %s given up after %d attempts: %s", message.id(),
                    message.kind(), message.registrationId(), message.attempts(), error);
            return;
        }
        Duration delay = backoff.delay(message.attempts());
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.retryAt(message.id(), clock.instant().plus(delay), error));
        metrics.mail(message.kind().name(), "retry");
        LOG.warnf("Mail %s (%s) for registration %s failed (attempt %d, next in %d s): %s", message.id(),
                message.kind(), message.registrationId(), message.attempts(), delay.toSeconds(), error);
    }

    /**
     * Graceful shutdown: no new batches, the mail being sent is finished, and the claims on the rest
     * of the batch are released for the other replicas at once.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        Set<UUID> unsent;
        synchronized (held) {
            stopping = true;
            unsent = Set.copyOf(held);
        }
        nudges.shutdown();
        awaitSendsInFlight();
        if (!unsent.isEmpty()) {
            try {
                int released = QuarkusTransaction.requiringNew().call(() -> outbox.release(unsent));
                LOG.infof("Shutting down: released %d claimed mail(s) for other instances", released);
            } catch (RuntimeException e) {
                LOG.warnf("Shutting down: claims not released (%s); they run out after %s",
                        e.getClass().getSimpleName(), CLAIM);
            }
        }
    }

    /** Lets a mail that is being handed to the mail server finish, so it is recorded as sent. */
    private void awaitSendsInFlight() {
        Instant deadline = clock.instant().plus(SEND_GRACE);
        while (sending.get() > 0 && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
    }
}
