package org.aduan.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database, and a real Keycloak
 * when asked for. The servers start once per test JVM (one Maven module's test run) and stop when it
 * exits; {@code $ADUAN_KAFKA}, {@code $ADUAN_DB_URL} and {@code $ADUAN_OIDC_URL} make it use already
 * running ones instead.
 * <p>
 * Init arguments: {@code database}, the service's own database (created if missing); {@code keycloak},
 * {@code true} to also start Keycloak with realm {@code aduan} and point {@code quarkus.oidc.auth-server-url}
 * at it (only modules that verify tokens need it: it takes 15-60 s to start).
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infrastructure shared;
    private static KeycloakServer sharedKeycloak;
    private String database = "postgres";
    private boolean withKeycloak;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        withKeycloak = Boolean.parseBoolean(initArgs.getOrDefault("keycloak", "false"));
    }

    /** The infrastructure of this test JVM, started on first use. */
    public static synchronized Infrastructure infrastructure() {
        if (shared == null) {
            Infrastructure started = Infrastructure.forTests(Path.of("target", "devstack-test").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-test-stop"));
            shared = started;
        }
        return shared;
    }

    /** The Keycloak of this test JVM (realm {@code aduan}), started on first use. */
    public static synchronized KeycloakServer keycloak() {
        if (sharedKeycloak == null) {
            KeycloakServer started = KeycloakServer.forTests(Path.of("target", "devstack-test-keycloak").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-test-keycloak-stop"));
            sharedKeycloak = started;
        }
        return sharedKeycloak;
    }

    @Override
    public Map<String, String> start() {
        // Keycloak is the slowest to start: under way while Kafka and PostgreSQL start
        CompletableFuture<KeycloakServer> keycloak = withKeycloak
                ? CompletableFuture.supplyAsync(DevstackTestResource::keycloak)
                : null;
        Infrastructure infra = infrastructure();
        infra.postgres().createDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD));
        if (keycloak != null) {
            config.put("quarkus.oidc.auth-server-url", keycloak.join().realmUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive one Quarkus application: other test profiles in the same JVM reuse them.
    }
}
