package org.aduan.devstack;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database. The servers start
 * once per test JVM (one Maven module's test run) and stop when it exits; {@code $ADUAN_KAFKA} and
 * {@code $ADUAN_DB_URL} make it use already running ones instead.
 * <p>
 * Init argument {@code database}: the service's own database (created if missing).
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infrastructure shared;
    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
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

    @Override
    public Map<String, String> start() {
        Infrastructure infra = infrastructure();
        infra.postgres().createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // The servers outlive one Quarkus application: other test profiles in the same JVM reuse them.
    }
}
