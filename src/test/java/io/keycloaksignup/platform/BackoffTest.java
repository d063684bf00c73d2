package io.keycloaksignup.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff mail = new Backoff(Duration.ofSeconds(15), Duration.ofHours(24), 4);

    @Test
    void eachWaitIsLongerThanTheLastUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2);

        assertThat(IntStream.rangeClosed(1, 6).mapToObj(backoff::nominal).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L);
    }

    @Test
    void jitterStaysWithinAFifthOfTheNominalWait() {
        for (int i = 0; i < 1000; i++) {
            assertThat(mail.delay(3).toMillis()).isBetween(192_000L, 288_000L);
        }
    }

    @Test
    void theDefaultMailRetriesSpreadOverAboutADay() {
        Duration total = IntStream.rangeClosed(1, 7).mapToObj(mail::nominal).reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(26));
    }
}
