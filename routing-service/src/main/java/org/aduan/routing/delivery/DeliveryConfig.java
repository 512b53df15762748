package org.aduan.routing.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How hard a consumer tries before an event goes to its dead-letter topic. */
@ConfigMapping(prefix = "aduan.delivery")
public interface DeliveryConfig {

    /** Attempts per event, each in a fresh transaction. */
    @WithDefault("3")
    int attempts();

    /** Pause before the second attempt; doubled before each further one. */
    @WithDefault("200ms")
    Duration backoff();
}
