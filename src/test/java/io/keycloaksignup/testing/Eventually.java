package io.keycloaksignup.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what background workers do, polling instead of sleeping a fixed time. Deadlines are
 * generous: the test machine is shared and slow.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until the condition holds; fails with the description and the last value seen. */
    public static void within(Duration timeout, String description, BooleanSupplier condition,
            Supplier<Object> lastSeen) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + description
                        + " (last seen: " + lastSeen.get() + ")");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + description, e);
            }
        }
    }
}
