package org.aduan.stats.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.aduan.stats.StatsConfig;
import org.aduan.stats.projection.ProjectionTargets;
import org.aduan.stats.publication.PublishedFigures;
import org.jboss.logging.Logger;

/**
 * Rebuilds every projection table by replaying all topics from offset zero into fresh tables, then
 * switches them in.
 * <ol>
 * <li>{@link #start}: one transaction records the rebuild ({@code REPLAYING}), creates schema
 * {@code stats_rebuild_<id>} with empty copies of the projection tables and ledger. From its commit on,
 * the live consumer writes every event into those tables too ({@link ProjectionTargets}).</li>
 * <li>{@link Replay}: a consumer of its own (no group, manual assignment) reads every partition from its
 * beginning up to the end offsets taken right after that commit, in batches, through the same
 * {@code ProjectionWriter} as the live projection.</li>
 * <li>{@link #switchOver}: one transaction waits for live writers into the rebuild (row lock), drops the
 * live tables and moves the rebuilt ones into their place, so readers see either all old or all new
 * tables. The live consumer simply continues, now writing into the rebuilt tables.</li>
 * </ol>
 * Events arriving during the rebuild are covered without pausing anything: those before the end offsets
 * are replayed, those after are written by the live consumer into both, and events in both sets are
 * counted once thanks to the rebuild's own ledger.
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);

    /** The tables a rebuild recreates, the ledger included. */
    static final List<String> TABLES = List.of("complaint_fact", "complaint_sla_breach", "complaint_transfer",
            "processed_event");

    private final DataSource dataSource;
    private final StatsConfig config;
    private final Replay replay;
    private final PublishedFigures figures;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-rebuild");
        t.setDaemon(true);
        return t;
    });

    Rebuilds(DataSource dataSource, StatsConfig config, Replay replay, PublishedFigures figures) {
        this.dataSource = dataSource;
        this.config = config;
        this.replay = replay;
        this.figures = figures;
    }

    /** A rebuild as an operator sees it. */
    public record Progress(long id, String state, long eventsTotal, long eventsRead, long eventsApplied,
            long eventsSkipped, double percent, Instant startedAt, Instant finishedAt, String failure) {
    }

    /** Thrown when a rebuild is already replaying. */
    public static final class AlreadyRunning extends RuntimeException {
        public final long id;

        AlreadyRunning(long id) {
            super("rebuild " + id + " is already running");
            this.id = id;
        }
    }

    /**
     * Records a rebuild, creates its fresh tables and starts replaying in the background.
     *
     * @throws AlreadyRunning when another rebuild is replaying
     */
    public Progress start() {
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(this::createTables);
        } catch (RuntimeException e) {
            Optional<Progress> running = list().stream().filter(p -> "REPLAYING".equals(p.state())).findFirst();
            if (running.isPresent()) {
                throw new AlreadyRunning(running.get().id());
            }
            throw e;
        }
        String schema = schemaOf(id);
        LOG.infof("rebuild %d: replaying every topic into %s", id, schema);
        runner.submit(() -> run(id, schema));
        return find(id).orElseThrow();
    }

    public Optional<Progress> find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    SELECT + " where id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(progress(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The latest rebuilds, newest first. */
    public List<Progress> list() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Progress> all = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    SELECT + " order by id desc limit 20"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.add(progress(rs));
                }
            }
            return all;
        });
    }

    static String schemaOf(long id) {
        return "stats_rebuild_" + id;
    }

    private long createTables() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into public.stats_rebuild (schema_name, state) values (gen_random_uuid()::text, 'REPLAYING')
                    returning id""");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            String schema = schemaOf(id);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update public.stats_rebuild set schema_name = '" + schema + "' where id = " + id);
                s.execute("create schema " + schema);
                for (String table : TABLES) {
                    s.execute("create table %s.%s (like public.%s including all)".formatted(schema, table, table));
                }
            }
            return id;
        }
    }

    private void run(long id, String schema) {
        try {
            replay.run(id, schema);
            switchOver(id, schema);
            figures.invalidate();
            LOG.infof("rebuild %d: switched over to the rebuilt tables", id);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "rebuild %d failed", id);
            fail(id, schema, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Moves the rebuilt tables into place, in one transaction. */
    void switchOver(long id, String schema) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // Waits for live transactions still writing into the rebuild (they hold FOR KEY SHARE).
                s.executeQuery("select id from public.stats_rebuild where id = " + id + " for update").close();
                for (String table : TABLES) {
                    s.execute("drop table %s.%s".formatted(ProjectionTargets.LIVE, table));
                    s.execute("alter table %s.%s set schema %s".formatted(schema, table, ProjectionTargets.LIVE));
                }
                s.execute("drop schema " + schema);
                s.executeUpdate("update public.stats_rebuild set state = 'SWITCHED', finished_at = now(), "
                        + "heartbeat_at = now() where id = " + id);
            } catch (SQLException e) {
                throw new IllegalStateException("switching to the rebuilt tables failed", e);
            }
        });
    }

    private void fail(long id, String schema, String failure) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                        update public.stats_rebuild set state = 'FAILED', finished_at = now(), failure = ?
                        where id = ? and state = 'REPLAYING'""")) {
                    s.setString(1, failure.length() > 500 ? failure.substring(0, 500) : failure);
                    s.setLong(2, id);
                    s.executeUpdate();
                    try (Statement drop = c.createStatement()) {
                        drop.execute("drop schema if exists " + schema + " cascade");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %d: could not record the failure", id);
        }
    }

    /**
     * A rebuild whose replica died leaves its row REPLAYING; live consumers would keep writing into its
     * tables. After the heartbeat timeout it is marked failed and its tables are dropped.
     */
    @Scheduled(every = "${aduan.stats.rebuild.cleanup-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void abandonStale() {
        List<long[]> stale = QuarkusTransaction.requiringNew().call(() -> {
            List<long[]> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select id from public.stats_rebuild where state = 'REPLAYING' and heartbeat_at < ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(config.rebuild().heartbeatTimeout())));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1)});
                    }
                }
            }
            return ids;
        });
        for (long[] id : stale) {
            LOG.warnf("rebuild %d: no heartbeat for %s, abandoned", id[0], config.rebuild().heartbeatTimeout());
            fail(id[0], schemaOf(id[0]), "abandoned: no heartbeat");
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private static final String SELECT = """
            select id, state, events_total, events_read, events_applied, events_skipped, started_at, finished_at,
                   failure
            from public.stats_rebuild""";

    private static Progress progress(ResultSet rs) throws SQLException {
        long total = rs.getLong(3);
        long read = rs.getLong(4);
        String state = rs.getString(2);
        double percent;
        if ("SWITCHED".equals(state)) {
            percent = 100;
        } else {
            percent = total == 0 ? 0 : Math.min(100.0, Math.floor(1000.0 * read / total) / 10.0);
        }
        Timestamp finished = rs.getTimestamp(8);
        return new Progress(rs.getLong(1), state, total, read, rs.getLong(5), rs.getLong(6), percent,
                rs.getTimestamp(7).toInstant(), finished == null ? null : finished.toInstant(), rs.getString(9));
    }
}
