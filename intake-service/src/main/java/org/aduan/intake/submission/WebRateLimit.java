package org.aduan.intake.submission;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.aduan.intake.problem.Problem;
import org.aduan.intake.problem.ProblemException;
import org.aduan.intake.ratelimit.RateLimiter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Per-IP limits on web submissions (429 with {@code Retry-After}). Generous by default: Indonesian
 * mobile networks put many citizens behind one carrier-grade NAT address.
 */
@ApplicationScoped
class WebRateLimit {

    private final RateLimiter limiter;
    private final List<RateLimiter.Limit> limits;

    WebRateLimit(RateLimiter limiter,
            @ConfigProperty(name = "aduan.intake.web.rate-limit.per-minute") int perMinute,
            @ConfigProperty(name = "aduan.intake.web.rate-limit.per-day") int perDay) {
        this.limiter = limiter;
        this.limits = List.of(new RateLimiter.Limit(Duration.ofMinutes(1), perMinute),
                new RateLimiter.Limit(Duration.ofDays(1), perDay));
    }

    void check(HttpServerRequest request, String language) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        RateLimiter.Verdict verdict = limiter.hitNow("ip:" + address, limits);
        if (verdict.allowed()) {
            return;
        }
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        boolean id = "id".equals(language);
        throw new ProblemException(Problem.of("rate-limited", id ? "Terlalu banyak permintaan" : "Too many requests",
                Response.Status.TOO_MANY_REQUESTS, id
                        ? "Terlalu banyak aduan dari alamat jaringan Anda. Silakan coba lagi dalam " + seconds + " detik."
                        : "Too many complaints from your network address. Please try again in " + seconds + " seconds."),
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
