package org.aduan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitDoublesAfterEachFailureBetweenHalfAndAllOfIt() {
        Backoff low = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 0.999999);

        assertThat(low.after(1, Optional.empty())).isEqualTo(Duration.ofSeconds(15));
        assertThat(high.after(1, Optional.empty())).isBetween(Duration.ofMillis(29_990), Duration.ofSeconds(30));
        assertThat(low.after(2, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(low.after(4, Optional.empty())).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void waitNeverExceedsTheMaximum() {
        Backoff high = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 0.999999);

        assertThat(high.after(40, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eightAttemptsAtTheDefaultsSpanAboutAnHour() {
        Backoff full = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), () -> 0.999999);
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < 8; failed++) {
            total = total.plus(full.after(failed, Optional.empty()));
        }
        assertThat(total).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(64));
    }

    @Test
    void aProvidersRetryAfterIsAFloor() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), () -> 0.5);

        assertThat(backoff.after(1, Optional.of(Duration.ofSeconds(35)))).isEqualTo(Duration.ofSeconds(35));
        assertThat(backoff.after(1, Optional.of(Duration.ofMillis(1)))).isLessThan(Duration.ofMillis(51));
    }
}
