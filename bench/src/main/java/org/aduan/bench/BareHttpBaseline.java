package org.aduan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.aduan.devstack.Ports;

/**
 * The bare-HTTP baseline: {@code bench-baseline-http}, a Quarkus app whose {@code POST /api/v1/complaints}
 * does nothing, started as a child process with the JVM settings devstack's ServiceLauncher gives the
 * services ({@code ServiceLauncher.JVM_FLAGS}).
 */
final class BareHttpBaseline implements AutoCloseable {

    static final List<String> JVM_FLAGS = org.aduan.devstack.ServiceLauncher.JVM_FLAGS;

    private final Process process;
    private final int port;
    final long readyMillis;
    final Path log;

    private BareHttpBaseline(Process process, int port, long readyMillis, Path log) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
        this.log = log;
    }

    static Path runner(Path root) {
        return root.resolve("bench-baseline-http/target/quarkus-app/quarkus-run.jar");
    }

    static BareHttpBaseline start(Path root, Path logDir) throws Exception {
        Path runner = runner(root);
        if (!Files.exists(runner)) {
            throw new IllegalStateException(runner + " is missing: ./mvnw -pl bench-baseline-http package -DskipTests");
        }
        int port = Ports.free();
        Files.createDirectories(logDir);
        Path log = logDir.resolve("bench-baseline-http.log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", runner.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofString(ComplaintBodies.body(0))).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("bench-baseline-http exited during start-up; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("bench-baseline-http not ready after 60 s; see " + log);
            }
            Thread.sleep(100);
        }
        return new BareHttpBaseline(process, port, (System.nanoTime() - t0) / 1_000_000, log);
    }

    URI endpoint() {
        return URI.create("http://localhost:" + port + "/api/v1/complaints");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
