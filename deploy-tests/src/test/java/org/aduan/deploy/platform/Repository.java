package org.aduan.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout under test: its root, and the service modules the root pom builds. */
public final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static volatile List<ServiceConfig> services;

    private Repository() {
    }

    /** The repository root: {@code aduan.home} from the build, else the nearest parent holding {@code deploy/}. */
    public static Path root() {
        String home = System.getProperty("aduan.home");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home, "deploy"))) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no deploy/ above " + Path.of("").toAbsolutePath() + ")");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** Every {@code *-service} module of the root pom, in build order, with its configuration. */
    public static List<ServiceConfig> services() {
        if (services == null) {
            List<ServiceConfig> found = new ArrayList<>();
            for (String module : modules()) {
                if (module.endsWith("-service")) {
                    found.add(ServiceConfig.load(root().resolve(module)));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("the root pom lists no *-service module");
            }
            services = List.copyOf(found);
        }
        return services;
    }

    public static ServiceConfig service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service module " + name));
    }

    static List<String> modules() {
        Matcher m = MODULE.matcher(read(root().resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
