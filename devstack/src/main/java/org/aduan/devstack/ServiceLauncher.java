package org.aduan.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts the packaged services as child processes against given infrastructure and waits until each
 * reports ready on {@code /q/health/ready}. Used by {@code ./aduan up} and the end-to-end tests.
 */
public final class ServiceLauncher implements AutoCloseable {

    /**
     * JVM flags of every service on one machine (./aduan up, the e2e tests, the benchmarks). C1 only
     * ({@code TieredStopAtLevel=1}): five services, Kafka, PostgreSQL and Keycloak share two cores, and C2
     * kept compiling for minutes after start-up (30 % of routing's CPU five minutes in, at 14 complaints/s);
     * with C1 alone routing worked off the same backlog at about 55/s and starts faster. A Kubernetes pod
     * with cores of its own may prefer the default tiered compilation (JAVA_OPTS).
     */
    public static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private static final Logger LOG = Logger.getLogger(ServiceLauncher.class.getName());

    private final Map<AduanService, ChildProcess> running = new EnumMap<>(AduanService.class);
    private final Map<AduanService, Integer> ports;

    private ServiceLauncher(Map<AduanService, Integer> ports) {
        this.ports = ports;
    }

    /**
     * Starts every service in {@code ports}, logs in {@code logDir}, and waits for all to be ready.
     *
     * @param extraProperties system properties given to every service (e.g. a test clock)
     */
    public static ServiceLauncher start(Infrastructure infra, Map<AduanService, Integer> ports, Path logDir,
            Map<String, String> extraProperties) {
        Path root = AduanHome.root();
        ServiceLauncher launcher = new ServiceLauncher(ports);
        try {
            for (var entry : ports.entrySet()) {
                AduanService service = entry.getKey();
                int port = entry.getValue();
                if (Ports.inUse(port)) {
                    throw new IllegalStateException(service.module + ": port " + port + " is already in use");
                }
                Path runner = service.runner(root);
                if (!Files.exists(runner)) {
                    throw new IllegalStateException(runner + " is missing: build first (./mvnw package -DskipTests)");
                }
                List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
                command.addAll(JVM_FLAGS);
                command.addAll(List.of(
                        "-Dquarkus.http.port=" + port,
                        "-Dkafka.bootstrap.servers=" + infra.kafka().bootstrapServers(),
                        "-Dquarkus.datasource.jdbc.url=" + infra.postgres().jdbcUrl(service.database),
                        "-Dquarkus.datasource.username=" + PostgresServer.USER,
                        "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD));
                // On this one machine everything (demo data, e2e tests, benchmarks) submits from
                // 127.0.0.1: the per-IP limits meant for one citizen (30/min) would refuse it.
                // Production keeps intake's defaults; extraProperties may still set them.
                command.add("-Daduan.intake.web.rate-limit.per-minute=1000000");
                command.add("-Daduan.intake.web.rate-limit.per-day=100000000");
                extraProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
                command.addAll(List.of("-jar", runner.toString()));
                Path log = logDir.resolve(service.module + ".log");
                // an environment variable, not a system property: services without OIDC never warn about it
                Map<String, String> env = infra.keycloak().map(k -> Map.of("ADUAN_OIDC_URL", k.url())).orElse(Map.of());
                launcher.running.put(service, ChildProcess.start(service.module, command, root, log, env));
            }
            launcher.awaitReady(Duration.ofSeconds(240)); // all five together; generous for a busy 2-core machine
            return launcher;
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    /** Default ports of DESIGN.md. */
    public static Map<AduanService, Integer> defaultPorts() {
        Map<AduanService, Integer> ports = new EnumMap<>(AduanService.class);
        AduanService.all().forEach(s -> ports.put(s, s.defaultPort));
        return ports;
    }

    /** Free ports, for tests. */
    public static Map<AduanService, Integer> freePorts() {
        Map<AduanService, Integer> ports = new EnumMap<>(AduanService.class);
        AduanService.all().forEach(s -> ports.put(s, Ports.free()));
        return ports;
    }

    public String baseUrl(AduanService service) {
        return "http://localhost:" + ports.get(service);
    }

    public long pid(AduanService service) {
        return running.get(service).pid();
    }

    /**
     * Stops one service (SIGTERM, as an orchestrator would), e.g. to show in a test that nothing is lost
     * across a restart. {@link #close()} stops the others.
     */
    public void stop(AduanService service) {
        ChildProcess process = running.remove(service);
        if (process != null) {
            process.stop(20);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        for (var entry : running.entrySet()) {
            AduanService service = entry.getKey();
            URI ready = URI.create(baseUrl(service) + "/q/health/ready");
            while (true) {
                if (!entry.getValue().isAlive()) {
                    throw new IllegalStateException(service.module + " exited during start-up:\n"
                            + entry.getValue().logTail(40));
                }
                if (isReady(http, ready)) {
                    LOG.info(service.module + " ready on " + baseUrl(service));
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.module + " not ready after " + timeout.toSeconds()
                            + " s:\n" + entry.getValue().logTail(40));
                }
                KafkaBroker.sleep(200);
            }
        }
    }

    private static boolean isReady(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops all services, in parallel, each with its descendants. */
    @Override
    public void close() {
        List<Thread> stoppers = new ArrayList<>();
        running.forEach((service, process) -> {
            Thread stopper = new Thread(() -> process.stop(20), "stop-" + service.module);
            stopper.start();
            stoppers.add(stopper);
        });
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}
