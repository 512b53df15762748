package org.aduan.intake.identity;

import org.aduan.events.identity.IdentitySeal;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The key that seals reporter identity (and, here, the PIN kept for idempotent replays). */
@ConfigMapping(prefix = "aduan.identity")
public interface IdentityConfig {

    String keyId();

    /** Base64 of 32 random bytes. */
    String key();

    @ApplicationScoped
    class SealProducer {
        @Produces
        @ApplicationScoped
        IdentitySeal seal(IdentityConfig config) {
            return new IdentitySeal(config.keyId(), config.key());
        }
    }
}
