package org.aduan.followup.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.aduan.events.identity.IdentitySeal;
import org.aduan.events.identity.PinHash;

/** One {@link IdentitySeal} and one {@link PinHash} for the service, from their configuration. */
public class IdentitySealProducer {

    @Produces
    @Singleton
    IdentitySeal identitySeal(IdentityConfig config) {
        return new IdentitySeal(config.keyId(), config.key());
    }

    @Produces
    @Singleton
    PinHash pinHash(PinConfig config) {
        return new PinHash(config.keyId(), config.key());
    }
}
