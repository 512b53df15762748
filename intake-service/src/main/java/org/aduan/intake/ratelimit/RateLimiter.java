package org.aduan.intake.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Fixed-window counters in PostgreSQL, so that every replica counts against the same limits. A hit is
 * counted in every window of the bucket (e.g. this minute and this day), allowed or not: whoever keeps
 * knocking while limited stays limited.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;
    private final Clock clock;

    RateLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** At most {@code max} hits per {@code window}. */
    public record Limit(Duration window, int max) {
        public Limit {
            if (window.isNegative() || window.isZero() || max < 1) {
                throw new IllegalArgumentException("a limit needs a positive window and maximum");
            }
        }
    }

    /** Whether the hit is allowed; if not, when the earliest exceeded window ends. */
    public record Verdict(boolean allowed, Duration retryAfter) {
    }

    /** Counts one hit of {@code bucket}; must run inside the caller's transaction. */
    public Verdict hit(String bucket, List<Limit> limits) {
        Instant now = clock.instant();
        Duration retryAfter = Duration.ZERO;
        boolean allowed = true;
        for (Limit limit : limits) {
            long size = limit.window().toMillis();
            Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
            int hits = ((Number) em.createNativeQuery("""
                    INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES (:bucket, :start, 1)
                    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
                    RETURNING hits""")
                    .setParameter("bucket", bucket + "/" + limit.window().toSeconds() + "s")
                    .setParameter("start", start)
                    .getSingleResult()).intValue();
            if (hits > limit.max()) {
                allowed = false;
                Duration left = Duration.between(now, start.plusMillis(size));
                retryAfter = left.compareTo(retryAfter) > 0 ? left : retryAfter;
            }
        }
        return new Verdict(allowed, allowed ? Duration.ZERO : retryAfter);
    }

    /** Counts one hit in a transaction of its own (for callers outside one). */
    public Verdict hitNow(String bucket, List<Limit> limits) {
        return QuarkusTransaction.requiringNew().call(() -> hit(bucket, limits));
    }

    /** Windows older than two days count for nothing any more. */
    @Scheduled(every = "1h", delayed = "5m")
    void forgetOldWindows() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM rate_limit_window WHERE window_start < :cutoff")
                .setParameter("cutoff", clock.instant().minus(Duration.ofDays(2))).executeUpdate());
    }
}
