package org.aduan.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the zonky binaries from Maven Central, run as a child process), or one
 * already running that is reused. One database per service, never shared.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final String serverUrl;
    private final Optional<EmbeddedPostgres> embedded;

    private PostgresServer(String serverUrl, Optional<EmbeddedPostgres> embedded) {
        this.serverUrl = serverUrl;
        this.embedded = embedded;
    }

    /** Uses the server at {@code jdbc:postgresql://host:port}, started by someone else. */
    public static PostgresServer external(String serverUrl) {
        String url = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        PostgresServer server = new PostgresServer(url, Optional.empty());
        server.ping();
        return server;
    }

    /** Reuses a server on {@code port}, or starts one whose data lives in {@code dataDir}. */
    public static PostgresServer startOrReuse(int port, Path dataDir) {
        String url = "jdbc:postgresql://localhost:" + port;
        if (Ports.inUse(port)) {
            PostgresServer reused = new PostgresServer(url, Optional.empty());
            reused.ping();
            LOG.info("reusing the PostgreSQL server already running on port " + port);
            return reused;
        }
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.getParent().resolve("postgres.log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            LOG.info("PostgreSQL ready on port " + port);
            return new PostgresServer(url, Optional.of(pg));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    /** {@code jdbc:postgresql://host:port} without a database. */
    public String serverUrl() {
        return serverUrl;
    }

    public String jdbcUrl(String database) {
        return serverUrl + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently
            }
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private void ping() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException(serverUrl + " does not answer as PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        embedded.ifPresent(pg -> {
            try {
                pg.close();
            } catch (IOException e) {
                LOG.warning("stopping PostgreSQL: " + e.getMessage());
            }
        });
    }
}
