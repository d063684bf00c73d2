package io.keycloaksignup.registration;

import io.keycloaksignup.platform.SignupConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Ends what is over: pending registrations whose link ran out become EXPIRED (their password hash
 * goes at once), and finished ones are deleted, with everything personal in them, once
 * {@code signup.retention} has passed. Each step is one conditional statement, so replicas
 * running it at the same time do the work once between them.
 */
@ApplicationScoped
public class RegistrationHousekeeping {

    private static final Logger LOG = Logger.getLogger(RegistrationHousekeeping.class);

    private final RegistrationRepository registrations;
    private final SignupConfig config;
    private final Clock clock = Clock.systemUTC();

    public RegistrationHousekeeping(RegistrationRepository registrations, SignupConfig config) {
        this.registrations = registrations;
        this.config = config;
    }

    /** What one pass did. */
    public record Result(int expired, int purged) {
    }

    @Scheduled(identity = "registration-housekeeping", every = "1m", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Registration housekeeping failed: %s", e.getClass().getSimpleName());
        }
    }

    @Transactional
    public Result run() {
        Instant now = clock.instant();
        int expired = registrations.expirePending(now);
        int purged = registrations.purgeFinished(now.minus(config.retention()));
        if (expired > 0 || purged > 0) {
            LOG.infof("Housekeeping: %d registration(s) expired, %d purged", expired, purged);
        }
        return new Result(expired, purged);
    }
}
