package org.aduan.notification.channel.x;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** X API v2 direct messages, as the account citizens write to. */
@ConfigMapping(prefix = "aduan.notification.x")
public interface XConfig {

    @WithDefault("https://api.x.com")
    String baseUrl();

    /** OAuth 2.0 user access token of Aduan's account, with {@code dm.write} ({@code ADUAN_X_ACCESS_TOKEN}). */
    Optional<String> accessToken();
}
