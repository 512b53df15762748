package org.aduan.notification.channel;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every provider configured against the in-process mocks, with retries fast enough to watch. */
public class ProvidersConfigured implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "aduan.notification.delivery.initial-backoff", "PT0.05S",
                "aduan.notification.delivery.max-backoff", "PT0.2S",
                "aduan.notification.delivery.poll-every", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProviderMocksResource.class));
    }
}
