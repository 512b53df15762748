package org.aduan.followup.identity;

import io.smallrye.config.ConfigMapping;

/** The key of the PIN hashes in events; the same key id and key as intake-service. */
@ConfigMapping(prefix = "aduan.pin")
public interface PinConfig {

    String keyId();

    /** Base64 of at least 32 bytes; only from the environment ({@code ADUAN_PIN_KEY}) outside dev. */
    String key();
}
