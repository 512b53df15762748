package org.aduan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.aduan.devstack.AduanService;

/**
 * A copy of what the run starts — the five packaged services, the bare-HTTP baseline and the broker's jars —
 * taken when the run begins, so that a {@code ./mvnw package} in the checkout during a 20-minute run (which
 * empties {@code target/quarkus-app}) cannot break a service the run restarts. devstack finds it as
 * {@code aduan.home}; {@code data/} and {@code deploy/} are links to the checkout's.
 */
final class AppSnapshot {

    private AppSnapshot() {
    }

    static Path take(Path checkout, Path snapshot) throws IOException {
        List<String> modules = new ArrayList<>();
        AduanService.all().forEach(s -> modules.add(s.module));
        modules.add("bench-baseline-http");
        for (String module : modules) {
            Path runner = checkout.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(runner)) {
                throw new IllegalStateException(runner + " is missing: ./mvnw -pl " + module + " package -DskipTests");
            }
        }
        delete(snapshot);
        for (String module : modules) {
            copyTree(checkout.resolve(module).resolve("target/quarkus-app"),
                    snapshot.resolve(module).resolve("target/quarkus-app"));
        }
        copyTree(checkout.resolve("kafka-broker/target/lib"), snapshot.resolve("kafka-broker/target/lib"));
        Files.copy(checkout.resolve("kafka-broker/pom.xml"), snapshot.resolve("kafka-broker/pom.xml"));
        for (String linked : List.of("data", "deploy")) {
            Files.createSymbolicLink(snapshot.resolve(linked), checkout.resolve(linked).toAbsolutePath());
        }
        return snapshot;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) { // does not follow the data/deploy links
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
