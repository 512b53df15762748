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
        if (limits.stream().map(Limit::window).distinct().count() != limits.size()) {
            throw new IllegalArgumentException("each limit of a bucket needs a window of its own");
        }
        Instant now = clock.instant();
        // Every window of the bucket in one statement: one round trip per hit, whatever the number of limits.
        StringBuilder sql = new StringBuilder("INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES ");
        Instant[] starts = new Instant[limits.size()];
        for (int i = 0; i < limits.size(); i++) {
            long size = limits.get(i).window().toMillis();
            starts[i] = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), size) * size);
            sql.append(i == 0 ? "" : ", ").append("(:b").append(i).append(", :s").append(i).append(", 1)");
        }
        sql.append(" ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1"
                + " RETURNING bucket, hits");
        jakarta.persistence.Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < limits.size(); i++) {
            query.setParameter("b" + i, windowBucket(bucket, limits.get(i))).setParameter("s" + i, starts[i]);
        }
        java.util.Map<String, Integer> hits = new java.util.HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            hits.put((String) columns[0], ((Number) columns[1]).intValue());
        }
        Duration retryAfter = Duration.ZERO;
        boolean allowed = true;
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            if (hits.getOrDefault(windowBucket(bucket, limit), 0) > limit.max()) {
                allowed = false;
                Duration left = Duration.between(now, starts[i].plusMillis(limit.window().toMillis()));
                retryAfter = left.compareTo(retryAfter) > 0 ? left : retryAfter;
            }
        }
        return new Verdict(allowed, allowed ? Duration.ZERO : retryAfter);
    }

    private static String windowBucket(String bucket, Limit limit) {
        return bucket + "/" + limit.window().toSeconds() + "s";
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
