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
 * <li>{@code up}: Kafka, PostgreSQL, Keycloak, the five services and demo data; prints the URLs and the
 * demo logins; stays in the foreground, Ctrl-C stops everything it started.</li>
 * <li>{@code infra}: only Kafka, PostgreSQL and Keycloak, for running one service in dev mode.</li>
 * <li>{@code reset}: wipes the data directory.</li>
 * </ul>
 */
public final class Devstack {

    private static final Logger LOG = Logger.getLogger(Devstack.class.getName());

    private Devstack() {
    }

    /** Kept referenced: java.util.logging forgets levels of loggers nobody holds. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("io.zonky"), Logger.getLogger(KeycloakServer.class.getName()));

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
        System.out.println("Starting Kafka, PostgreSQL and Keycloak (data in " + data + ") ...");
        stack.infra = Infrastructure.startOrReuse(data, System.out::println);
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
        stack.infra.keycloak().ifPresent(keycloak -> out.append("  Keycloak    ").append(keycloak.url())
                .append("  (realm ").append(KeycloakServer.REALM).append("; admin console ").append(keycloak.url())
                .append("/admin, user ").append(KeycloakServer.ADMIN_USER).append(", password ")
                .append(KeycloakServer.ADMIN_PASSWORD).append(")\n"));
        if (withServices) {
            for (AduanService s : AduanService.all()) {
                out.append(String.format("  %-21s %s   (OpenAPI: %s/q/openapi, health: %s/q/health)%n", s.module,
                        stack.services.baseUrl(s), stack.services.baseUrl(s), stack.services.baseUrl(s)));
            }
        }
        stack.infra.keycloak().ifPresent(keycloak -> out.append(demoLogins(keycloak, withServices)));
        if (withServices) {
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

    /** Keycloak's URLs, the realm's demo users and agency systems, and how to get a token with curl. */
    static String demoLogins(KeycloakServer keycloak, boolean withServices) {
        StringBuilder out = new StringBuilder();
        out.append("\nDemo logins (realm ").append(KeycloakServer.REALM)
                .append(", password grant with the public client aduan-cli):\n");
        out.append(String.format("  %-22s %-12s %-13s %s%n", "user", "password", "agency", "role"));
        for (KeycloakServer.DemoLogin login : KeycloakServer.demoLogins()) {
            out.append(String.format("  %-22s %-12s %-13s %s%n", login.username(), login.password(),
                    login.agency().orElse("-"), String.join(", ", login.roles())));
        }
        for (KeycloakServer.AgencySystem system : KeycloakServer.agencySystems()) {
            out.append("Agency system (client credentials): client ").append(system.clientId()).append(", secret ")
                    .append(system.secret()).append(system.agency().map(a -> ", agency " + a).orElse(""))
                    .append('\n');
        }
        String followup = "http://localhost:" + AduanService.FOLLOWUP.defaultPort;
        out.append("\nA token, then the city of Bandung's inbox:\n");
        out.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=aduan-cli -d username=officer.bandung \\\n")
                .append("      -d password=aduan-demo ").append(keycloak.tokenEndpoint())
                .append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n");
        out.append("  curl -s ").append(followup).append("/api/v1/agency/complaints -H \"Authorization: Bearer $TOKEN\"\n");
        KeycloakServer.agencySystems().stream().findFirst().ifPresent(system -> out
                .append("As the agency's own system (client credentials):\n")
                .append("  curl -s -d grant_type=client_credentials -d client_id=").append(system.clientId())
                .append(" -d client_secret=").append(system.secret()).append(" \\\n      ")
                .append(keycloak.tokenEndpoint()).append('\n'));
        if (!withServices) {
            out.append("(services started on their own need ADUAN_OIDC_URL=").append(keycloak.url())
                    .append(", the default)\n");
        }
        return out.toString();
    }

    private static void reset() {
        Path data = AduanHome.dataDir();
        if (Ports.inUse(Infrastructure.KAFKA_PORT) || Ports.inUse(Infrastructure.POSTGRES_PORT)
                || Ports.inUse(Infrastructure.KEYCLOAK_PORT)) {
            System.err.println("Aduan still seems to be running (port 9092, 5433 or 8180 is in use): stop it first.");
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
