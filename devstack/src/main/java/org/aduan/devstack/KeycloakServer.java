package org.aduan.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.aduan.events.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by devstack's build into
 * {@code devstack/target/keycloak}) in development mode with Aduan's realm imported from
 * {@code deploy/keycloak/aduan-realm.json}; or one already running that is reused.
 * <p>
 * Its database (H2 files) lives in the data directory given, so the distribution itself is shared.
 * The first start builds Keycloak's optimised image (40–60 s on two cores), later ones take ~15 s.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    public static final String REALM = "aduan";
    /** The bootstrap administrator of the master realm, for development and tests only. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final String url;
    private final Optional<ChildProcess> process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private KeycloakServer(String url, Optional<ChildProcess> process) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.process = process;
    }

    /** Uses the Keycloak at {@code url} (e.g. {@code http://localhost:8180}), which must serve realm {@value #REALM}. */
    public static KeycloakServer external(String url) {
        KeycloakServer server = new KeycloakServer(url, Optional.empty());
        server.awaitReady(Duration.ofSeconds(60), message -> LOG.info(message));
        return server;
    }

    /**
     * Reuses a Keycloak already serving realm {@value #REALM} on {@code port}, or starts one whose data
     * lives in {@code dataDir}, telling {@code progress} how the start goes.
     */
    public static KeycloakServer startOrReuse(int port, Path dataDir, Consumer<String> progress) {
        String url = "http://localhost:" + port;
        if (Ports.inUse(port)) {
            KeycloakServer reused = new KeycloakServer(url, Optional.empty());
            if (!reused.realmAnswers()) {
                throw new IllegalStateException("port " + port + " is taken by something that does not serve Keycloak"
                        + " realm " + REALM);
            }
            LOG.info("reusing the Keycloak already running on " + url);
            return reused;
        }
        KeycloakServer started = new KeycloakServer(url, Optional.of(launch(port, dataDir)));
        try {
            started.awaitReady(Duration.ofSeconds(240), progress);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /**
     * For tests: the Keycloak {@code $ADUAN_OIDC_URL} points at, or a private one on a free port with fresh
     * data in {@code dataDir}.
     */
    public static KeycloakServer forTests(Path dataDir) {
        String configured = System.getenv("ADUAN_OIDC_URL");
        if (configured != null && !configured.isBlank()) {
            return external(configured);
        }
        AduanHome.deleteRecursively(dataDir);
        return startOrReuse(Ports.free(), dataDir, message -> LOG.info(message));
    }

    private static ChildProcess launch(int port, Path dataDir) {
        Path dist = AduanHome.keycloakDist();
        try {
            Files.createDirectories(dataDir);
            // the realm is imported on the first start of a data directory (IGNORE_EXISTING afterwards)
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            Files.copy(AduanHome.realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // through sh: the unpacked script may have lost its executable bit
        List<String> command = List.of("/bin/sh", dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                "-Dquarkus.transaction-manager.object-store.directory=" + dataDir.resolve("transaction-logs"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ChildProcess child = ChildProcess.start("keycloak", command, dataDir, dataDir.resolve("keycloak.log"), env)
                .stopWithJvm(20);
        LOG.info("Keycloak starting on port " + port + " (pid " + child.pid() + ", log " + dataDir.resolve("keycloak.log") + ")");
        return child;
    }

    private void awaitReady(Duration timeout, Consumer<String> progress) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        Instant nextReport = started.plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (process.isPresent() && !process.get().isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up:\n" + process.get().logTail(40));
            }
            if (realmAnswers()) {
                progress.accept(String.format("Keycloak ready on %s in %d s", url,
                        Duration.between(started, Instant.now()).toSeconds()));
                return;
            }
            if (Instant.now().isAfter(nextReport)) {
                progress.accept(String.format("  ... Keycloak still starting (%d s; the first start takes 40-60 s)",
                        Duration.between(started, Instant.now()).toSeconds()));
                nextReport = nextReport.plusSeconds(10);
            }
            KafkaBroker.sleep(500);
        }
        throw new IllegalStateException("Keycloak on " + url + " not ready after " + timeout.toSeconds() + " s"
                + process.map(p -> ":\n" + p.logTail(40)).orElse(""));
    }

    private boolean realmAnswers() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server, e.g. {@code http://localhost:8180}: what {@code ADUAN_OIDC_URL} is set to. */
    public String url() {
        return url;
    }

    /** The realm, e.g. {@code http://localhost:8180/realms/aduan}: the tokens' issuer. */
    public String realmUrl() {
        return url + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** An access token for a user, by the password grant of a public client (e.g. {@code aduan-cli}). */
    public String passwordToken(String clientId, String username, String password) {
        return token(tokenEndpoint(), Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    /** An access token for a confidential client's service account (client credentials grant). */
    public String clientCredentialsToken(String clientId, String secret) {
        return token(tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** An access token of the master realm's bootstrap administrator, for Keycloak's admin REST API. */
    public String adminToken() {
        return token(url + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD));
    }

    /**
     * Calls Keycloak's admin REST API on realm {@value #REALM} (path relative to
     * {@code /admin/realms/aduan}), e.g. to add a client in a test. Returns the status and body.
     */
    public HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    private String token(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
        }
        try {
            JsonNode json = EventJson.mapper().readTree(response.body());
            return json.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.ifPresent(p -> p.stop(30));
    }

    /**
     * The demo logins of the realm file: who they are, their password, agency and roles. Read from the
     * file itself, so what {@code ./aduan up} prints is what Keycloak imported.
     */
    public static List<DemoLogin> demoLogins() {
        List<DemoLogin> logins = new ArrayList<>();
        for (JsonNode user : realm().path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(r -> {
                if (List.of("officer", "supervisor", "operator", "admin").contains(r.asText())) {
                    roles.add(r.asText());
                }
            });
            String password = "";
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            logins.add(new DemoLogin(user.path("username").asText(), password,
                    Optional.ofNullable(user.path("attributes").path("agency").path(0).textValue()), roles));
        }
        return logins;
    }

    /** The confidential clients of the realm file that use client credentials, with their secret and agency. */
    public static List<AgencySystem> agencySystems() {
        JsonNode realm = realm();
        List<AgencySystem> systems = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("serviceAccountsEnabled").asBoolean(false)) {
                continue;
            }
            String clientId = client.path("clientId").asText();
            Optional<String> agency = Optional.empty();
            for (JsonNode user : realm.path("users")) {
                if (clientId.equals(user.path("serviceAccountClientId").asText())) {
                    agency = Optional.ofNullable(user.path("attributes").path("agency").path(0).textValue());
                }
            }
            systems.add(new AgencySystem(clientId, client.path("secret").asText(), agency));
        }
        return systems;
    }

    private static JsonNode realm() {
        try {
            return EventJson.mapper().readTree(AduanHome.realmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo user of the realm. */
    public record DemoLogin(String username, String password, Optional<String> agency, List<String> roles) {
    }

    /** An agency's own system, logging in with client credentials. */
    public record AgencySystem(String clientId, String secret, Optional<String> agency) {
    }
}
