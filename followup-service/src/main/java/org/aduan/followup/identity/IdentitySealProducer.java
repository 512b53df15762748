package org.aduan.followup.identity;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.aduan.events.identity.IdentitySeal;

/** One {@link IdentitySeal} for the service, built from {@link IdentityConfig}. */
public class IdentitySealProducer {

    @Produces
    @Singleton
    IdentitySeal identitySeal(IdentityConfig config) {
        return new IdentitySeal(config.keyId(), config.key());
    }
}
