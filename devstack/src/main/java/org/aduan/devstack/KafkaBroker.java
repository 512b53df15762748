package org.aduan.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.aduan.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) started from the jars in
 * {@code kafka-broker/target/lib}, or one already running that is reused.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());
    public static final int PARTITIONS = 3;

    private final String bootstrap;
    private final Optional<ChildProcess> process;

    private KafkaBroker(String bootstrap, Optional<ChildProcess> process) {
        this.bootstrap = bootstrap;
        this.process = process;
    }

    /** Uses the broker at {@code bootstrap}, which someone else started and will stop. */
    public static KafkaBroker external(String bootstrap) {
        awaitReady(bootstrap, Duration.ofSeconds(30), Optional.empty());
        return new KafkaBroker(bootstrap, Optional.empty());
    }

    /**
     * Reuses a broker already listening on {@code port}, or starts one with its data in {@code dataDir}
     * (formatted on first use, kept across restarts).
     */
    public static KafkaBroker startOrReuse(int port, int controllerPort, Path dataDir) {
        String bootstrap = "localhost:" + port;
        if (Ports.inUse(port)) {
            if (!answersAsKafka(bootstrap)) {
                throw new IllegalStateException("port " + port + " is taken by something that is not Kafka");
            }
            LOG.info("reusing the Kafka broker already running on " + bootstrap);
            return new KafkaBroker(bootstrap, Optional.empty());
        }
        if (Ports.inUse(controllerPort)) {
            throw new IllegalStateException("Kafka controller port " + controllerPort + " is taken");
        }
        try {
            Files.createDirectories(dataDir);
            Path props = writeConfig(port, controllerPort, dataDir);
            Path log4j = writeLog4j(dataDir);
            Path lib = AduanHome.kafkaLib();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(props, lib, log4j, dataDir);
            }
            List<String> command = javaCommand(lib, log4j, "kafka.Kafka", props.toString());
            ChildProcess child = ChildProcess.start("kafka", command, dataDir, dataDir.resolve("kafka.log"), Map.of());
            KafkaBroker broker = new KafkaBroker(bootstrap, Optional.of(child));
            try {
                awaitReady(bootstrap, Duration.ofSeconds(90), Optional.of(child));
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.info("Kafka ready on " + bootstrap + " (pid " + child.pid() + ")");
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    /**
     * Creates DESIGN.md's topics if missing: every event topic and its {@code .dlq} twin, with
     * {@value #PARTITIONS} partitions and unlimited retention (the log is the source of truth), and
     * the message topics (channel replies) with their {@code .dlq} twin and a 7-day retention.
     */
    public void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.EVENT_TOPICS) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                topics.add(new NewTopic(name, PARTITIONS, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "min.insync.replicas", "1")));
            }
        }
        for (String topic : Topics.MESSAGE_TOPICS) {
            for (String name : List.of(topic, Topics.deadLetter(topic))) {
                topics.add(new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of(
                        "retention.ms", Long.toString(Topics.MESSAGE_RETENTION_MS), "min.insync.replicas", "1")));
            }
        }
        try (Admin admin = admin(bootstrap)) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics in time", e);
        }
    }

    @Override
    public void close() {
        process.ifPresent(p -> p.stop(30));
    }

    private static Path writeConfig(int port, int controllerPort, Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", String.valueOf(PARTITIONS));
        // Topics are created explicitly, with DESIGN.md's settings; a typo must not invent a topic.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.ms", "-1");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "written by Aduan devstack");
        }
        return file;
    }

    private static Path writeLog4j(Path dataDir) throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{ISO8601} %p [%c{1}] %m%n
                rootLogger.level = INFO
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.kafka.name = kafka
                logger.kafka.level = INFO
                logger.kafkaorg.name = org.apache.kafka
                logger.kafkaorg.level = WARN
                """);
        return file;
    }

    private static void format(Path props, Path lib, Path log4j, Path dataDir) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = javaCommand(lib, log4j, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", props.toString());
        ChildProcess format = ChildProcess.start("kafka-format", command, dataDir, dataDir.resolve("kafka-format.log"),
                Map.of());
        Instant deadline = Instant.now().plusSeconds(60);
        while (format.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            format.stop(5);
            throw new IllegalStateException("formatting Kafka storage failed:\n" + format.logTail(30));
        }
    }

    private static List<String> javaCommand(Path lib, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(),
                "-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", lib.toString() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean answersAsKafka(String bootstrap) {
        try (Admin admin = admin(bootstrap)) {
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitReady(String bootstrap, Duration timeout, Optional<ChildProcess> child) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (child.isPresent() && !child.get().isAlive()) {
                throw new IllegalStateException("Kafka exited during start-up:\n" + child.get().logTail(40));
            }
            if (Ports.inUse(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)))
                    && answersAsKafka(bootstrap)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("Kafka on " + bootstrap + " not ready after " + timeout.toSeconds() + " s"
                + child.map(c -> ":\n" + c.logTail(40)).orElse(""));
    }

    static Admin admin(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(config);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
