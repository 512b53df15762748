package org.aduan.followup.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's notion of "now": every deadline, audit time and rate-limit window is read from here,
 * never from {@link Instant#now()}, so that tests can move time forward and watch SLAs breach.
 * <p>
 * {@code aduan.clock.offset} (an ISO-8601 duration, default zero) shifts the clock for a whole process,
 * e.g. to restart followup "a month later" in a test. Time only ever moves forward: a deadline computed
 * at one moment is never in the future of a later one.
 */
@ApplicationScoped
public class ServiceClock {

    private static final Logger LOG = Logger.getLogger(ServiceClock.class);

    @ConfigProperty(name = "aduan.clock.offset", defaultValue = "PT0S")
    Duration configuredOffset;

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @PostConstruct
    void init() {
        if (configuredOffset.isNegative()) {
            throw new IllegalStateException("aduan.clock.offset must not be negative: " + configuredOffset);
        }
        offset.set(configuredOffset);
        if (!configuredOffset.isZero()) {
            LOG.warnf("the service clock runs %s ahead of the system clock (aduan.clock.offset): for tests only",
                    configuredOffset);
        }
    }

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward (tests: let an SLA run out without waiting days). */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }
}
