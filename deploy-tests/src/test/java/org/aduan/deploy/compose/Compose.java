package org.aduan.deploy.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aduan.deploy.platform.Commands;
import org.aduan.deploy.platform.Repository;
import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docker compose config} (Compose v2 plug-in) or {@code docker-compose config} (v1, Debian's
 * package): validates docker-compose.yml and prints it resolved, without a Docker engine. Skips the
 * calling test when neither is installed.
 */
final class Compose {

    private static volatile JsonNode config;

    private Compose() {
    }

    static JsonNode config() {
        if (config == null) {
            List<String> command = new ArrayList<>(tool().orElse(List.of()));
            Assumptions.assumeFalse(command.isEmpty(),
                    "neither `docker compose` nor `docker-compose` is installed: cannot validate docker-compose.yml"
                            + " (apt-get install docker-compose)");
            command.addAll(List.of("-f", Repository.path("docker-compose.yml").toString(), "config"));
            String yaml = Commands.run(command, Repository.root()).orFail().stdout();
            try {
                config = new YAMLMapper().readTree(yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config;
    }

    private static Optional<List<String>> tool() {
        Optional<java.nio.file.Path> docker = Commands.onPath("docker");
        if (docker.isPresent()
                && Commands.run(List.of(docker.get().toString(), "compose", "version"), Repository.root()).exitCode() == 0) {
            return Optional.of(List.of(docker.get().toString(), "compose"));
        }
        return Commands.onPath("docker-compose").map(p -> List.of(p.toString()));
    }
}
