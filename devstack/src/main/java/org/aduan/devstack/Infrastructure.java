package org.aduan.devstack;

import java.nio.file.Path;
import java.util.List;

/** Kafka and PostgreSQL together, as the platform and the tests need them. */
public final class Infrastructure implements AutoCloseable {

    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int POSTGRES_PORT = 5433;
    public static final List<String> DATABASES = List.of("intake", "routing", "followup", "stats", "notification");

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Runnable onClose;

    private Infrastructure(KafkaBroker kafka, PostgresServer postgres, Runnable onClose) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.onClose = onClose;
    }

    /**
     * For {@code ./aduan up}: the default ports, data under {@code dataDir}; servers already running
     * there are reused.
     */
    public static Infrastructure startOrReuse(Path dataDir) {
        KafkaBroker kafka = KafkaBroker.startOrReuse(KAFKA_PORT, KAFKA_CONTROLLER_PORT, dataDir.resolve("kafka"));
        try {
            PostgresServer postgres = PostgresServer.startOrReuse(POSTGRES_PORT, dataDir.resolve("postgres/data"));
            return prepared(kafka, postgres);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * For tests: {@code $ADUAN_KAFKA} and {@code $ADUAN_DB_URL} when they point at running servers;
     * containers when {@code $ADUAN_TESTCONTAINERS} is {@code true} (needs Docker); otherwise private
     * servers on free ports with fresh data in {@code scratchDir}.
     */
    public static Infrastructure forTests(Path scratchDir) {
        if ("true".equalsIgnoreCase(System.getenv("ADUAN_TESTCONTAINERS"))) {
            return ContainerInfrastructure.start();
        }
        String kafkaEnv = System.getenv("ADUAN_KAFKA");
        String dbEnv = System.getenv("ADUAN_DB_URL");
        if (kafkaEnv != null && !kafkaEnv.isBlank() && dbEnv != null && !dbEnv.isBlank()) {
            return prepared(KafkaBroker.external(kafkaEnv), PostgresServer.external(dbEnv));
        }
        AduanHome.deleteRecursively(scratchDir);
        KafkaBroker kafka = KafkaBroker.startOrReuse(Ports.free(), Ports.free(), scratchDir.resolve("kafka"));
        try {
            PostgresServer postgres = PostgresServer.startOrReuse(Ports.free(), scratchDir.resolve("postgres/data"));
            return prepared(kafka, postgres);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static Infrastructure prepared(KafkaBroker kafka, PostgresServer postgres) {
        return prepared(kafka, postgres, () -> {
        });
    }

    static Infrastructure prepared(KafkaBroker kafka, PostgresServer postgres, Runnable onClose) {
        kafka.createTopics();
        DATABASES.forEach(postgres::createDatabase);
        return new Infrastructure(kafka, postgres, onClose);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Stops what this process started (reused servers keep running), PostgreSQL after Kafka. */
    @Override
    public void close() {
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
