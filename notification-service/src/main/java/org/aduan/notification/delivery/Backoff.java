package org.aduan.notification.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt, wait {@code initial * 2^(n-1)}
 * (at most {@code max}), of which a random half, so that messages that failed together (a provider
 * outage) do not all come back at the same moment. A provider's own "retry after" is a floor.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before the attempt after {@code failedAttempts} failed ones (1 or more). */
    Duration after(int failedAttempts, Optional<Duration> providerRetryAfter) {
        long initialMillis = Math.max(1, initial.toMillis());
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 40);
        long full = Math.min(max.toMillis(), initialMillis * (1L << Math.min(doublings, 30)));
        long jittered = full / 2 + (long) (random.getAsDouble() * (full - full / 2));
        Duration wait = Duration.ofMillis(jittered);
        return providerRetryAfter.filter(asked -> asked.compareTo(wait) > 0).orElse(wait);
    }
}
