package org.aduan.notification.channel;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the {@link ProviderMockServer} for a Quarkus test profile and points every sender at it. */
public class ProviderMocksResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "aduan.test.provider-mock-url";

    private ProviderMockServer server;

    @Override
    public Map<String, String> start() {
        server = new ProviderMockServer();
        Map<String, String> config = new HashMap<>(server.config());
        config.put(URL_PROPERTY, server.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
