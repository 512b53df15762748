package org.aduan.intake.identity;

import org.aduan.events.identity.PinHash;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The key of the PIN hashes in events (intake hashes, followup verifies). */
@ConfigMapping(prefix = "aduan.pin")
public interface PinConfig {

    String keyId();

    /** Base64 of at least 32 random bytes. */
    String key();

    @ApplicationScoped
    class PinHashProducer {
        @Produces
        @ApplicationScoped
        PinHash pinHash(PinConfig config) {
            return new PinHash(config.keyId(), config.key());
        }
    }
}
