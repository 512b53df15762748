package org.aduan.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * {@code ./aduan} behind the script:
 * <ul>
 * <li>{@code up}: Kafka, PostgreSQL, the five services and demo data; stays in the foreground, Ctrl-C
 * stops everything it started.</li>
 * <li>{@code infra}: only Kafka and PostgreSQL, for running one service in dev mode.</li>
 * <li>{@code reset}: wipes the data directory.</li>
 * </ul>
 */
public final class Devstack {

    private static final Logger LOG = Logger.getLogger(Devstack.class.getName());

    private Devstack() {
    }

    /** Kept referenced: java.util.logging forgets levels of loggers nobody holds. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("io.zonky"));

    /** Only warnings from the Kafka client and the PostgreSQL launcher: their INFO drowns the URLs. */
    public static void quietLibraryLogs() {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    }

    public static void main(String[] args) throws Exception {
        quietLibraryLogs();
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> run(true);
            case "infra" -> run(false);
            case "reset" -> reset();
            default -> {
                System.err.println("usage: aduan [up|infra|reset]");
                System.exit(2);
            }
        }
    }

    private static void run(boolean withServices) throws Exception {
        Path data = AduanHome.dataDir();
        Files.createDirectories(data);
        CountDownLatch stopped = new CountDownLatch(1);
        Stack stack = new Stack();
        Thread hook = new Thread(() -> {
            System.out.println("\nStopping Aduan ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "aduan-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        long started = System.nanoTime();
        System.out.println("Starting Kafka and PostgreSQL (data in " + data + ") ...");
        stack.infra = Infrastructure.startOrReuse(data);
        if (withServices) {
            System.out.println("Starting the five services ...");
            stack.services = ServiceLauncher.start(stack.infra, ServiceLauncher.defaultPorts(), data.resolve("logs"),
                    Map.of());
            DemoData.loadOnce(data, stack.services.baseUrl(AduanService.INTAKE));
        }
        System.out.printf("%nAduan is up in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        printEndpoints(stack, withServices, data);
        stopped.await();
    }

    private static void printEndpoints(Stack stack, boolean withServices, Path data) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("  Kafka       ").append(stack.infra.kafka().bootstrapServers()).append('\n');
        out.append("  PostgreSQL  ").append(stack.infra.postgres().serverUrl())
                .append("  (user postgres, one database per service)\n");
        if (withServices) {
            for (AduanService s : AduanService.all()) {
                out.append(String.format("  %-21s %s   (OpenAPI: %s/q/openapi, health: %s/q/health)%n", s.module,
                        stack.services.baseUrl(s), stack.services.baseUrl(s), stack.services.baseUrl(s)));
            }
            Path demo = data.resolve(DemoData.FILE);
            if (Files.exists(demo)) {
                out.append("\nDemo complaints (tracking code, PIN) are in ").append(demo).append(":\n");
                List<String> lines = Files.readAllLines(demo);
                lines.stream().limit(8).forEach(l -> out.append("  ").append(l).append('\n'));
            }
            out.append("\nTry: see README.md, \"Walk-through\".\n");
        }
        out.append("Logs: ").append(data.resolve("logs")).append("   Stop: Ctrl-C\n");
        System.out.print(out);
    }

    private static void reset() {
        Path data = AduanHome.dataDir();
        if (Ports.inUse(Infrastructure.KAFKA_PORT) || Ports.inUse(Infrastructure.POSTGRES_PORT)) {
            System.err.println("Aduan still seems to be running (port 9092 or 5433 is in use): stop it first.");
            System.exit(1);
        }
        AduanHome.deleteRecursively(data);
        System.out.println("Wiped " + data);
    }

    /** What this process started, stopped in reverse order. */
    private static final class Stack implements AutoCloseable {
        volatile Infrastructure infra;
        volatile ServiceLauncher services;

        @Override
        public void close() {
            try {
                if (services != null) {
                    services.close();
                }
            } catch (RuntimeException e) {
                LOG.warning("stopping services: " + e);
            }
            if (infra != null) {
                infra.close();
            }
        }
    }
}
