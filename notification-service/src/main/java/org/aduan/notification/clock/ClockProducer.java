package org.aduan.notification.clock;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock: delivery schedules and WhatsApp's 24-hour window read it, never
 * {@code Instant.now()} directly, so that tests can put a sender at any moment.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
