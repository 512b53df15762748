package org.aduan.deploy.kubernetes;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The infrastructure an overlay renders, as the services see it: the Strimzi Kafka cluster (its
 * authenticated listener, topics and users), the CloudNativePG cluster (roles, databases) and the
 * Keycloak instance.
 */
final class Platform {

    /** Every 'kafka' ACL of a KafkaUser, grouped the way the checks read them. */
    record Acls(Map<String, Set<String>> literalTopics, Map<String, Set<String>> prefixedTopics,
            Map<String, Set<String>> literalGroups, Map<String, Set<String>> prefixedGroups, List<String> others) {

        Set<String> topicsWith(String operation) {
            Set<String> topics = new TreeSet<>();
            literalTopics.forEach((t, ops) -> {
                if (ops.contains(operation)) {
                    topics.add(t);
                }
            });
            return topics;
        }

        Set<String> groupsWith(String operation) {
            Set<String> groups = new TreeSet<>();
            literalGroups.forEach((g, ops) -> {
                if (ops.contains(operation)) {
                    groups.add(g);
                }
            });
            return groups;
        }

        /** Whether the user may do {@code operation} on the topic through a literal or prefixed ACL. */
        boolean allowsTopic(String topic, String operation) {
            return literalTopics.getOrDefault(topic, Set.of()).contains(operation)
                    || prefixedTopics.entrySet().stream()
                            .anyMatch(e -> topic.startsWith(e.getKey()) && e.getValue().contains(operation));
        }
    }

    private final Manifests m;

    Platform(Manifests manifests) {
        this.m = manifests;
    }

    JsonNode kafka() {
        List<JsonNode> clusters = m.ofKind("Kafka");
        if (clusters.size() != 1) {
            throw new AssertionError("expected one Strimzi Kafka cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }

    String kafkaName() {
        return Manifests.name(kafka());
    }

    /** The listener clients use: TLS with SCRAM-SHA-512 (the only kind of KafkaUser this platform creates). */
    JsonNode clientListener() {
        for (JsonNode listener : kafka().path("spec").path("kafka").path("listeners")) {
            if (listener.path("tls").asBoolean(false)
                    && "scram-sha-512".equals(listener.path("authentication").path("type").asText())) {
                return listener;
            }
        }
        throw new AssertionError("Kafka " + kafkaName() + " has no TLS listener with scram-sha-512 authentication");
    }

    /** What ADUAN_KAFKA must be: Strimzi's bootstrap Service and the client listener's port. */
    String bootstrapServers() {
        return kafkaName() + "-kafka-bootstrap:" + clientListener().path("port").asInt();
    }

    /** Labels of the broker pods Strimzi creates. */
    JsonNode brokerPodLabels() {
        return Manifests.YAML_FACTORY.objectNode().put("strimzi.io/cluster", kafkaName())
                .put("strimzi.io/kind", "Kafka").put("strimzi.io/broker-role", "true");
    }

    JsonNode postgres() {
        List<JsonNode> clusters = m.ofKind("Cluster");
        if (clusters.size() != 1) {
            throw new AssertionError("expected one CloudNativePG Cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }

    String postgresName() {
        return Manifests.name(postgres());
    }

    /** Labels of the PostgreSQL pods CloudNativePG creates. */
    JsonNode postgresPodLabels() {
        return Manifests.YAML_FACTORY.objectNode().put("cnpg.io/cluster", postgresName());
    }

    /** The managed role's password Secret, by role name. */
    Map<String, String> roleSecrets() {
        Map<String, String> roles = new TreeMap<>();
        for (JsonNode role : postgres().path("spec").path("managed").path("roles")) {
            if (!"absent".equals(role.path("ensure").asText("present")) && role.path("login").asBoolean(false)) {
                roles.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText(null));
            }
        }
        return roles;
    }

    /** The Database resource that creates this database in the cluster. */
    Optional<JsonNode> database(String name) {
        return m.ofKind("Database").stream()
                .filter(d -> name.equals(d.path("spec").path("name").asText()))
                .filter(d -> postgresName().equals(d.path("spec").path("cluster").path("name").asText()))
                .filter(d -> !"absent".equals(d.path("spec").path("ensure").asText("present")))
                .findFirst();
    }

    JsonNode keycloak() {
        List<JsonNode> instances = m.ofKind("Keycloak");
        if (instances.size() != 1) {
            throw new AssertionError("expected one Keycloak, found " + instances.size());
        }
        return instances.get(0);
    }

    JsonNode keycloakPodLabels() {
        return Manifests.YAML_FACTORY.objectNode().put("app", "keycloak")
                .put("app.kubernetes.io/instance", Manifests.name(keycloak()));
    }

    /** The Service the Keycloak operator creates, and the port it serves HTTP on. */
    String keycloakService() {
        return Manifests.name(keycloak()) + "-service";
    }

    int keycloakHttpPort() {
        JsonNode http = keycloak().path("spec").path("http");
        if (!http.path("httpEnabled").asBoolean(false)) {
            throw new AssertionError("Keycloak serves only HTTPS; the checks expect HTTP behind the ingress");
        }
        return http.path("httpPort").asInt(8080);
    }

    Acls acls(JsonNode kafkaUser) {
        Map<String, Set<String>> topics = new TreeMap<>();
        Map<String, Set<String>> prefixed = new TreeMap<>();
        Map<String, Set<String>> groups = new TreeMap<>();
        Map<String, Set<String>> prefixedGroups = new TreeMap<>();
        List<String> others = new java.util.ArrayList<>();
        JsonNode authorization = kafkaUser.path("spec").path("authorization");
        if (!"simple".equals(authorization.path("type").asText())) {
            throw new AssertionError("KafkaUser " + Manifests.name(kafkaUser) + " has no simple authorization");
        }
        for (JsonNode acl : authorization.path("acls")) {
            JsonNode resource = acl.path("resource");
            Set<String> ops = new TreeSet<>(Manifests.texts(acl.path("operations")));
            if (acl.has("operation")) {
                ops.add(acl.path("operation").asText());
            }
            if ("deny".equalsIgnoreCase(acl.path("type").asText("allow"))) {
                others.add("deny " + resource);
                continue;
            }
            String type = resource.path("type").asText();
            String pattern = resource.path("patternType").asText("literal");
            String name = resource.path("name").asText();
            if ("topic".equals(type) && "literal".equals(pattern) && !"*".equals(name)) {
                topics.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ops);
            } else if ("topic".equals(type) && "prefix".equals(pattern)) {
                prefixed.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ops);
            } else if ("group".equals(type) && "literal".equals(pattern) && !"*".equals(name)) {
                groups.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ops);
            } else if ("group".equals(type) && "prefix".equals(pattern)) {
                prefixedGroups.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ops);
            } else {
                others.add(type + " " + pattern + " " + name + " " + ops);
            }
        }
        return new Acls(topics, prefixed, groups, prefixedGroups, others);
    }

    /** host and port of a JDBC URL without database ({@code jdbc:postgresql://host:5432}). */
    static URI jdbcServer(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new AssertionError("not a JDBC URL: " + jdbcUrl);
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }
}
