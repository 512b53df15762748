package org.aduan.deploy.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The resources one overlay renders, with the look-ups the checks need. */
final class Manifests {

    /** Where a container's environment variable comes from. */
    sealed interface EnvSource permits Literal, SecretKey, ConfigMapKey {
    }

    record Literal(String value) implements EnvSource {
    }

    record SecretKey(String secret, String key) implements EnvSource {
    }

    record ConfigMapKey(String configMap, String key) implements EnvSource {
    }

    static final com.fasterxml.jackson.databind.node.JsonNodeFactory YAML_FACTORY =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private final List<JsonNode> resources;

    Manifests(List<JsonNode> resources) {
        this.resources = List.copyOf(resources);
    }

    List<JsonNode> all() {
        return resources;
    }

    List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** The one container of a Deployment's pods. */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError("Deployment " + name(deployment) + " should have exactly one container, has "
                    + containers.size());
        }
        return containers.get(0);
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    /** The container's environment: envFrom ConfigMaps first, then env entries (which win, as in Kubernetes). */
    Map<String, EnvSource> environment(JsonNode deployment) {
        JsonNode container = container(deployment);
        Map<String, EnvSource> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String cm = from.path("configMapRef").path("name").asText();
                fields(get("ConfigMap", cm).path("data")).forEach((k, v) -> env.put(k, new Literal(v.asText())));
            } else if (from.has("secretRef")) {
                throw new AssertionError("Deployment " + name(deployment)
                        + " takes a whole Secret as environment; name each key instead");
            }
        }
        for (JsonNode e : container.path("env")) {
            String var = e.path("name").asText();
            if (e.has("value")) {
                env.put(var, new Literal(e.path("value").asText()));
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                env.put(var, new SecretKey(ref.path("name").asText(), ref.path("key").asText()));
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                env.put(var, new ConfigMapKey(ref.path("name").asText(), ref.path("key").asText()));
            } else {
                throw new AssertionError("Deployment " + name(deployment) + ": env " + var + " has no value");
            }
        }
        return env;
    }

    /** A literal (or ConfigMap) value of the container's environment, resolved. */
    Optional<String> literal(JsonNode deployment, String variable) {
        EnvSource source = environment(deployment).get(variable);
        if (source instanceof Literal l) {
            return Optional.of(l.value());
        }
        if (source instanceof ConfigMapKey c) {
            return Optional.ofNullable(get("ConfigMap", c.configMap()).path("data").get(c.key())).map(JsonNode::asText);
        }
        return Optional.empty();
    }

    /** A rendered Secret's value, decoded. */
    Optional<String> secretValue(String secret, String key) {
        return find("Secret", secret).flatMap(s -> {
            if (s.path("stringData").has(key)) {
                return Optional.of(s.path("stringData").path(key).asText());
            }
            JsonNode data = s.path("data").get(key);
            return Optional.ofNullable(data)
                    .map(d -> new String(Base64.getDecoder().decode(d.asText()), StandardCharsets.UTF_8));
        });
    }

    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(e.getKey(), e.getValue());
        }
        return fields;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false).forEach(n -> values.add(n.asText()));
        return values;
    }

    /** Whether a label selector ({@code matchLabels} only) selects pods with these labels. */
    static boolean selects(JsonNode selector, JsonNode podLabels) {
        return !selector.has("matchExpressions") && matches(selector.path("matchLabels"), podLabels);
    }

    /** Whether every label of a (non-empty) map-style selector, as a Service has, is on the pod. */
    static boolean matches(JsonNode labels, JsonNode podLabels) {
        Map<String, JsonNode> wanted = fields(labels);
        return !wanted.isEmpty() && wanted.entrySet().stream()
                .allMatch(e -> e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null)));
    }
}
