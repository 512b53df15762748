package org.aduan.routing.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox and its relay. */
@ConfigMapping(prefix = "aduan.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service produces. */
    @WithDefault("/aduan/routing-service")
    String source();

    /** Rows taken (and locked) per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker's ack of one event before it gives up until the next run. */
    @WithDefault("10s")
    Duration sendTimeout();
}
