package org.aduan.stats.delivery;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.events.EventJson.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Retries a consumer's unit of work on transient failures (a lost connection, a concurrent insert of
 * the same key). When the attempts run out the exception leaves the handler, SmallRye nacks the record
 * and it goes to the dead-letter topic, so the partition keeps moving. A malformed event is never
 * retried: it would fail the same way every time.
 */
@ApplicationScoped
public class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final DeliveryConfig config;

    RetryPolicy(DeliveryConfig config) {
        this.config = config;
    }

    /** Runs {@code work} (which opens its own transaction) until it succeeds or the attempts run out. */
    public <T> T run(Supplier<T> work) {
        Duration pause = config.backoff();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.attempts()) {
                    throw e;
                }
                LOG.warnf("attempt %d of %d failed, retrying in %s: %s", attempt, config.attempts(), pause, e);
                pause(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
