package org.aduan.intake.x;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** X Account Activity API webhook: CRC and payload signatures with the app's consumer secret. */
@ConfigMapping(prefix = "aduan.channels.x")
public interface XConfig {

    /** {@code ADUAN_X_CONSUMER_SECRET}. */
    String consumerSecret();

    @WithDefault("262144")
    int maxBodyBytes();
}
