package org.aduan.notification.channel;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a provider may take: a send holds its message's row lock while it waits. */
@ConfigMapping(prefix = "aduan.notification.http")
public interface HttpConfig {

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT15S")
    Duration requestTimeout();
}
