package org.aduan.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aduan.deploy.platform.Commands;
import org.aduan.deploy.platform.Repository;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders an overlay exactly as an operator would ({@code kubectl kustomize deploy/overlays/<name>},
 * offline), or skips the calling test when no kubectl (nor kustomize) is installed.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Manifests render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::renderNow);
    }

    private static Manifests renderNow(String overlay) {
        Path dir = Repository.path("deploy/overlays/" + overlay);
        List<String> command = tool().map(t -> t.command(dir)).orElse(null);
        Assumptions.assumeTrue(command != null,
                "neither kubectl nor kustomize is on the PATH: cannot render deploy/overlays/" + overlay
                        + " (install kubectl, whose built-in kustomize renders offline)");
        String yaml = Commands.run(command, Repository.root()).orFail().stdout();
        return new Manifests(parse(yaml));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && doc.has("kind")) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kustomize printed YAML that does not parse", e);
        }
        return docs;
    }

    private record Tool(Path executable, boolean kubectl) {
        List<String> command(Path dir) {
            return kubectl ? List.of(executable.toString(), "kustomize", dir.toString())
                    : List.of(executable.toString(), "build", dir.toString());
        }
    }

    private static Optional<Tool> tool() {
        Optional<Path> kubectl = Commands.onPath("kubectl");
        if (kubectl.isPresent()) {
            return Optional.of(new Tool(kubectl.get(), true));
        }
        return Commands.onPath("kustomize").map(k -> new Tool(k, false));
    }
}
