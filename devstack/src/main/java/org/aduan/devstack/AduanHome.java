package org.aduan.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the checkout is (to find the broker jars and the packaged services) and where data lives. */
public final class AduanHome {

    private AduanHome() {
    }

    /**
     * The root of the checkout: {@code -Daduan.home}, {@code $ADUAN_HOME}, or the nearest parent of the
     * working directory that holds {@code kafka-broker/pom.xml}.
     */
    public static Path root() {
        String configured = System.getProperty("aduan.home", System.getenv("ADUAN_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("kafka-broker/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Aduan checkout: run from inside it or set ADUAN_HOME");
    }

    /** Data that survives restarts of {@code ./aduan up}: {@code $ADUAN_DATA} or {@code ~/.aduan/data}. */
    public static Path dataDir() {
        String configured = System.getenv("ADUAN_DATA");
        return configured != null && !configured.isBlank()
                ? Paths.get(configured).toAbsolutePath()
                : Paths.get(System.getProperty("user.home"), ".aduan", "data");
    }

    public static Path kafkaLib() {
        Path lib = root().resolve("kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build first (./mvnw -pl kafka-broker generate-resources)");
        }
        return lib;
    }

    /**
     * The Keycloak distribution devstack's build unpacked ({@code devstack/target/keycloak/keycloak-<version>}).
     */
    public static Path keycloakDist() {
        Path parent = root().resolve("devstack/target/keycloak");
        try (Stream<Path> dirs = Files.isDirectory(parent) ? Files.list(parent) : Stream.empty()) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")
                    && Files.exists(d.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(parent + " holds no Keycloak distribution: build first"
                            + " (./mvnw -pl devstack install -DskipTests)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Aduan's Keycloak realm, kept with the deployment: {@code deploy/keycloak/aduan-realm.json}. */
    public static Path realmFile() {
        Path realm = root().resolve("deploy/keycloak/aduan-realm.json");
        if (!Files.exists(realm)) {
            throw new IllegalStateException(realm + " is missing");
        }
        return realm;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
