package org.aduan.notification.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retry policy of the delivery worker. */
@ConfigMapping(prefix = "aduan.notification.delivery")
public interface DeliveryConfig {

    /** Attempts per message, the first included; then a transient failure becomes FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; it doubles after each further one (with jitter). */
    @WithDefault("PT30S")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT30M")
    Duration maxBackoff();

    /** How often the worker looks for due messages besides being woken (a Quarkus scheduler period). */
    @WithDefault("5s")
    String pollEvery();
}
