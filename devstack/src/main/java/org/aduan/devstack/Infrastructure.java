package org.aduan.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Kafka and PostgreSQL together, and Keycloak where it is needed, as the platform and the tests need them. */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int POSTGRES_PORT = 5433;
    public static final int KEYCLOAK_PORT = 8180;
    public static final List<String> DATABASES = List.of("intake", "routing", "followup", "stats", "notification");

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Optional<KeycloakServer> keycloak;
    private final Runnable onClose;

    private Infrastructure(KafkaBroker kafka, PostgresServer postgres, Optional<KeycloakServer> keycloak,
            Runnable onClose) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.onClose = onClose;
    }

    /**
     * For {@code ./aduan up} and {@code ./aduan infra}: the default ports, data under {@code dataDir};
     * servers already running there are reused. Keycloak (the slowest) starts while Kafka and PostgreSQL
     * do; {@code progress} hears how its start goes.
     */
    public static Infrastructure startOrReuse(Path dataDir, Consumer<String> progress) {
        return start(() -> KeycloakServer.startOrReuse(KEYCLOAK_PORT, dataDir.resolve("keycloak"), progress),
                () -> KafkaBroker.startOrReuse(KAFKA_PORT, KAFKA_CONTROLLER_PORT, dataDir.resolve("kafka")),
                () -> PostgresServer.startOrReuse(POSTGRES_PORT, dataDir.resolve("postgres/data")));
    }

    /** {@link #startOrReuse(Path, Consumer)} with progress in the log. */
    public static Infrastructure startOrReuse(Path dataDir) {
        return startOrReuse(dataDir, LOG::info);
    }

    /**
     * For tests: {@code $ADUAN_KAFKA} and {@code $ADUAN_DB_URL} when they point at running servers;
     * containers when {@code $ADUAN_TESTCONTAINERS} is {@code true} (needs Docker); otherwise private
     * servers on free ports with fresh data in {@code scratchDir}. No Keycloak.
     */
    public static Infrastructure forTests(Path scratchDir) {
        return forTests(scratchDir, false);
    }

    /**
     * As {@link #forTests(Path)}, with Keycloak too when {@code withKeycloak}: the one {@code $ADUAN_OIDC_URL}
     * points at, or a private one on a free port with its data in {@code scratchDir/keycloak}.
     */
    public static Infrastructure forTests(Path scratchDir, boolean withKeycloak) {
        if ("true".equalsIgnoreCase(System.getenv("ADUAN_TESTCONTAINERS")) && !withKeycloak) {
            return ContainerInfrastructure.start();
        }
        String kafkaEnv = System.getenv("ADUAN_KAFKA");
        String dbEnv = System.getenv("ADUAN_DB_URL");
        boolean external = kafkaEnv != null && !kafkaEnv.isBlank() && dbEnv != null && !dbEnv.isBlank();
        if (!external) {
            AduanHome.deleteRecursively(scratchDir);
        }
        Supplier<KeycloakServer> keycloak = withKeycloak ? () -> KeycloakServer.forTests(scratchDir.resolve("keycloak"))
                : null;
        if (external) {
            return start(keycloak, () -> KafkaBroker.external(kafkaEnv), () -> PostgresServer.external(dbEnv));
        }
        return start(keycloak, () -> KafkaBroker.startOrReuse(Ports.free(), Ports.free(), scratchDir.resolve("kafka")),
                () -> PostgresServer.startOrReuse(Ports.free(), scratchDir.resolve("postgres/data")));
    }

    /** Starts Keycloak (if asked for) in the background while Kafka and PostgreSQL start; stops all on failure. */
    private static Infrastructure start(Supplier<KeycloakServer> keycloakStarter, Supplier<KafkaBroker> kafkaStarter,
            Supplier<PostgresServer> postgresStarter) {
        CompletableFuture<Optional<KeycloakServer>> keycloak = keycloakStarter == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> Optional.of(keycloakStarter.get()), runnable -> {
                    Thread t = new Thread(runnable, "keycloak-start");
                    t.setDaemon(true);
                    t.start();
                });
        KafkaBroker kafka = null;
        PostgresServer postgres = null;
        try {
            kafka = kafkaStarter.get();
            postgres = postgresStarter.get();
            kafka.createTopics();
            DATABASES.forEach(postgres::createDatabase);
            return new Infrastructure(kafka, postgres, keycloak.join(), () -> {
            });
        } catch (RuntimeException e) {
            RuntimeException cause = e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
            keycloak.whenComplete((k, failure) -> {
                if (k != null) {
                    k.ifPresent(KeycloakServer::close);
                }
            });
            if (postgres != null) {
                postgres.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            throw cause;
        }
    }

    static Infrastructure prepared(KafkaBroker kafka, PostgresServer postgres, Runnable onClose) {
        kafka.createTopics();
        DATABASES.forEach(postgres::createDatabase);
        return new Infrastructure(kafka, postgres, Optional.empty(), onClose);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Keycloak with realm {@code aduan}, when this infrastructure was started with it. */
    public Optional<KeycloakServer> keycloak() {
        return keycloak;
    }

    /** Stops what this process started (reused servers keep running): Keycloak, Kafka, then PostgreSQL. */
    @Override
    public void close() {
        try {
            keycloak.ifPresent(KeycloakServer::close);
        } finally {
            try {
                kafka.close();
            } finally {
                try {
                    postgres.close();
                } finally {
                    onClose.run();
                }
            }
        }
    }
}
