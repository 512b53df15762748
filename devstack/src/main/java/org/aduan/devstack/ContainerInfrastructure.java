package org.aduan.devstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL as containers, for machines with a Docker engine
 * ({@code ADUAN_TESTCONTAINERS=true}). Loaded only then: the Testcontainers jars are on the test
 * classpath only under the root pom's {@code testcontainers} profile.
 */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static Infrastructure start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername(PostgresServer.USER).withPassword(PostgresServer.PASSWORD);
        kafka.start();
        try {
            postgres.start();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        String serverUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432);
        return Infrastructure.prepared(KafkaBroker.external(kafka.getBootstrapServers()),
                PostgresServer.external(serverUrl), () -> {
                    kafka.stop();
                    postgres.stop();
                });
    }
}
