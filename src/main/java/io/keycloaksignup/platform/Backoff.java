package io.keycloaksignup.platform;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for retried outbound calls. The jitter (plus or minus a fifth)
 * keeps replicas and messages that failed together from retrying in lockstep when the mail
 * server or Keycloak comes back.
 *
 * @param initial delay after the first failed attempt
 * @param max cap on any single delay
 * @param multiplier growth from one delay to the next
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

    private static final double JITTER = 0.2;

    /** The delay before the next attempt, after {@code failedAttempts} (1 or more) have failed. */
    public Duration delay(int failedAttempts) {
        return jittered(nominal(failedAttempts));
    }

    /** The delay without jitter. */
    public Duration nominal(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }

    private static Duration jittered(Duration nominal) {
        double factor = 1 - JITTER + 2 * JITTER * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (nominal.toMillis() * factor));
    }
}
