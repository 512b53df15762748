package org.aduan.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aduan.deploy.platform.Repository;
import org.aduan.deploy.platform.ServiceConfig;
import org.aduan.devstack.KafkaBroker;
import org.aduan.events.Topics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** docker-compose.yml validates and runs the same platform the services' configuration expects. */
class ComposeTest {

    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?([a-z0-9_]+)\"?");

    private static JsonNode services() {
        return Compose.config().path("services");
    }

    private static JsonNode service(String name) {
        JsonNode s = services().path(name);
        assertThat(s.isMissingNode()).as("docker-compose.yml has service %s", name).isFalse();
        return s;
    }

    @Test
    void runsKafkaPostgresAndKeycloakFromOfficialImagesAndEveryService() {
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(service("kafka-topics").path("image").asText()).isEqualTo(service("kafka").path("image").asText());
        assertThat(service("postgres").path("image").asText()).matches("postgres:17(\\.\\d+)?(-.*)?");
        assertThat(service("keycloak").path("image").asText()).startsWith("quay.io/keycloak/keycloak:26.");
        for (ServiceConfig svc : Repository.services()) {
            service(svc.name());
        }
    }

    @Test
    void servicesAreBuiltFromTheirDockerfilesAndPublishTheirPorts() {
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode s = service(svc.name());
                soft.assertThat(Path.of(s.path("build").path("context").asText()).toAbsolutePath().normalize())
                        .as("%s build context", svc.name()).isEqualTo(svc.dir().toAbsolutePath().normalize());
                soft.assertThat(s.path("build").path("dockerfile").asText()).as("%s Dockerfile", svc.name())
                        .isEqualTo("src/main/docker/Dockerfile.jvm");
                soft.assertThat(s.path("image").asText()).as("%s image (the Kubernetes manifests' name)", svc.name())
                        .startsWith("ghcr.io/aduan/" + svc.name() + ":");
                soft.assertThat(ports(s)).as("%s publishes quarkus.http.port on the same host port as ./aduan", svc.name())
                        .containsEntry(svc.httpPort(), svc.httpPort());
            }
        });
    }

    @Test
    void environmentAgreesWithApplicationProperties() {
        JsonNode postgres = service("postgres");
        String bootstrap = internalBootstrap();
        Map<String, Set<String>> shared = new TreeMap<>();
        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode env = service(svc.name()).path("environment");
                Set<String> names = new TreeSet<>();
                env.fieldNames().forEachRemaining(names::add);
                soft.assertThat(names).as("%s sets every ${ADUAN_...} of its application.properties", svc.name())
                        .containsAll(svc.aduanVariables());
                names.stream().filter(n -> n.startsWith("ADUAN_")).forEach(n -> soft.assertThat(svc.readsEnv(n))
                        .as("%s reads %s", svc.name(), n).isTrue());
                soft.assertThat(env.path("ADUAN_KAFKA").asText()).as("%s ADUAN_KAFKA", svc.name()).isEqualTo(bootstrap);
                soft.assertThat(env.path("ADUAN_DB_URL").asText()).as("%s ADUAN_DB_URL (no database: it appends /%s)",
                        svc.name(), svc.database()).isEqualTo("jdbc:postgresql://postgres:5432");
                soft.assertThat(env.path("ADUAN_DB_USER").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_USER").asText());
                soft.assertThat(env.path("ADUAN_DB_PASSWORD").asText()).isEqualTo(postgres.path("environment").path("POSTGRES_PASSWORD").asText());
                svc.oidcServerVariable().ifPresent(variable -> soft.assertThat(env.path(variable).asText())
                        .as("%s %s: Keycloak by its container name and port", svc.name(), variable)
                        .isEqualTo("http://keycloak:" + keycloakPort()));
                for (String key : List.of("ADUAN_IDENTITY_KEY", "ADUAN_IDENTITY_KEY_ID", "ADUAN_PIN_KEY", "ADUAN_PIN_KEY_ID")) {
                    if (env.has(key)) {
                        shared.computeIfAbsent(key, k -> new HashSet<>()).add(env.path(key).asText());
                        soft.assertThat(Optional.of(env.path(key).asText())).as("%s %s is its public development value", svc.name(), key)
                                .isEqualTo(svc.developmentValueOf(key));
                    }
                }
            }
        });
        shared.forEach((key, values) -> assertThat(values).as("one %s for every service", key).hasSize(1));
    }

    @Test
    void everyDatabaseAndTopicExistsBeforeTheServicesStart() {
        String init = null;
        for (String[] bind : binds(service("postgres"))) {
            if (bind[1].startsWith("/docker-entrypoint-initdb.d/")) {
                init = Repository.read(Path.of(bind[0]));
            }
        }
        assertThat(init).as("postgres mounts an init script into /docker-entrypoint-initdb.d").isNotNull();
        Set<String> databases = new TreeSet<>();
        Matcher m = CREATE_DATABASE.matcher(init);
        while (m.find()) {
            databases.add(m.group(1));
        }
        Set<String> needed = new TreeSet<>();
        Repository.services().forEach(s -> needed.add(s.database()));
        needed.add(lastPathSegment(service("keycloak").path("environment").path("KC_DB_URL").asText()));
        assertThat(databases).as("databases created by the init script").containsAll(needed);

        String script = command(service("kafka-topics"));
        Set<String> words = new HashSet<>(List.of(script.split("[\\s\"';\\\\]+")));
        for (String topic : Topics.EVENT_TOPICS) {
            assertThat(words).as("kafka-topics creates %s and its dead-letter twin", topic).contains(topic, Topics.deadLetter(topic));
        }
        for (String topic : Topics.MESSAGE_TOPICS) {
            assertThat(words).as("kafka-topics creates %s and its dead-letter twin", topic).contains(topic, Topics.deadLetter(topic));
        }
        assertThat(script).contains("retention.ms=" + Topics.MESSAGE_RETENTION_MS);
        assertThat(script).contains("--partitions " + KafkaBroker.PARTITIONS).contains("retention.ms=-1")
                .contains("--bootstrap-server " + internalBootstrap());
        assertThat(service("kafka-topics").path("restart").asText("no")).isEqualTo("no");

        assertSoftly(soft -> {
            for (ServiceConfig svc : Repository.services()) {
                JsonNode depends = service(svc.name()).path("depends_on");
                soft.assertThat(depends.path("kafka-topics").path("condition").asText())
                        .as("%s starts after the topics exist", svc.name()).isEqualTo("service_completed_successfully");
                soft.assertThat(depends.path("postgres").path("condition").asText())
                        .as("%s starts after PostgreSQL is ready", svc.name()).isEqualTo("service_healthy");
            }
        });
    }

    @Test
    void keycloakImportsTheRealmKeptInDeploy() {
        JsonNode keycloak = service("keycloak");
        assertThat(command(keycloak)).contains("--import-realm");
        Path realmDir = Repository.path("deploy/keycloak").toAbsolutePath().normalize();
        assertThat(binds(keycloak)).as("deploy/keycloak mounted as the import directory")
                .anySatisfy(bind -> {
                    assertThat(Path.of(bind[0]).toAbsolutePath().normalize()).isEqualTo(realmDir);
                    assertThat(bind[1]).isEqualTo("/opt/keycloak/data/import");
                });
        assertThat(realmDir.resolve("aduan-realm.json")).exists();
    }

    /** The Kafka address other containers use: an advertised listener whose host is the kafka service. */
    private static String internalBootstrap() {
        String advertised = service("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        List<String> internal = new ArrayList<>();
        for (String listener : advertised.split(",")) {
            URI uri = URI.create(listener.trim().toLowerCase());
            if ("kafka".equals(uri.getHost())) {
                internal.add(uri.getHost() + ":" + uri.getPort());
            }
        }
        assertThat(internal).as("one advertised listener for containers (kafka:<port>) in %s", advertised).hasSize(1);
        return internal.get(0);
    }

    /** The HTTP port Keycloak listens on (--http-port, else 8080). */
    private static int keycloakPort() {
        Matcher m = Pattern.compile("--http-port[= ](\\d+)").matcher(command(service("keycloak")));
        return m.find() ? Integer.parseInt(m.group(1)) : 8080;
    }

    /** Published host port by container port. */
    private static Map<Integer, Integer> ports(JsonNode service) {
        Map<Integer, Integer> ports = new TreeMap<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isTextual()) {
                String[] parts = port.asText().split(":");
                ports.put(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")), Integer.parseInt(parts[parts.length - 2]));
            } else {
                ports.put(port.path("target").asInt(), Integer.parseInt(port.path("published").asText("0")));
            }
        }
        return ports;
    }

    /** Bind mounts as {source, target}, from Compose v1 strings or v2 objects. */
    private static List<String[]> binds(JsonNode service) {
        List<String[]> binds = new ArrayList<>();
        for (JsonNode volume : service.path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                binds.add(new String[] {parts[0], parts[1]});
            } else if ("bind".equals(volume.path("type").asText())) {
                binds.add(new String[] {volume.path("source").asText(), volume.path("target").asText()});
            }
        }
        return binds;
    }

    private static String command(JsonNode service) {
        JsonNode command = service.path("command");
        if (command.isArray()) {
            List<String> parts = new ArrayList<>();
            command.forEach(c -> parts.add(c.asText()));
            return String.join(" ", parts);
        }
        return command.asText();
    }

    private static String lastPathSegment(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }
}
