package org.aduan.devstack;

import java.nio.file.Path;
import java.util.List;

/** The five services: their module, port and database. */
public enum AduanService {
    INTAKE("intake-service", 8081, "intake"),
    ROUTING("routing-service", 8082, "routing"),
    FOLLOWUP("followup-service", 8083, "followup"),
    STATS("stats-service", 8084, "stats"),
    NOTIFICATION("notification-service", 8085, "notification");

    public final String module;
    public final int defaultPort;
    public final String database;

    AduanService(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The packaged application built by {@code ./mvnw package}. */
    public Path runner(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static List<AduanService> all() {
        return List.of(values());
    }
}
