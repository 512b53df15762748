package org.aduan.notification.identity;

import io.smallrye.config.ConfigMapping;

/** The key that opens sealed recipients when messages are sent; the same key id and key as intake-service. */
@ConfigMapping(prefix = "aduan.identity")
public interface IdentityConfig {

    /** Which key this service holds, e.g. {@code dev-1}; a sealed identity names the key it needs. */
    String keyId();

    /** Base64 of the 32-byte AES key; only from the environment ({@code ADUAN_IDENTITY_KEY}) outside dev. */
    String key();
}
