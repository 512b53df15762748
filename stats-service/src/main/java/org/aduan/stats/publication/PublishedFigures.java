package org.aduan.stats.publication;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.aduan.stats.StatsConfig;
import org.jboss.logging.Logger;

/**
 * The figures currently published: a snapshot of the projection, taken again when it is older than
 * {@code aduan.stats.snapshot-max-age} (and right after a rebuild switched over). Between two snapshots
 * every request is answered from the same one, which is also what makes the ETags meaningful.
 */
@ApplicationScoped
public class PublishedFigures {

    private static final Logger LOG = Logger.getLogger(PublishedFigures.class);

    private final DataSource dataSource;
    private final StatsConfig config;
    private volatile Figures figures;
    private volatile Instant takenAt = Instant.EPOCH;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "stats-snapshot");
                t.setDaemon(true);
                return t;
            });

    PublishedFigures(DataSource dataSource, StatsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * The figures. When they are older than the maximum age they are still served while new ones are
     * computed in the background (solving suppression takes a few seconds on a large projection), so no
     * request waits for it; only the very first request does.
     */
    public Figures current() {
        Figures current = figures;
        if (current == null) {
            synchronized (this) {
                if (figures == null) {
                    take();
                }
                return figures;
            }
        }
        if (Duration.between(takenAt, Instant.now()).compareTo(config.snapshotMaxAge()) >= 0
                && refreshing.compareAndSet(false, true)) {
            refresher.submit(() -> {
                try {
                    take();
                } catch (RuntimeException e) {
                    LOG.warn("could not take a new snapshot; serving the previous one", e);
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return current;
    }

    /** Forgets the current figures, e.g. after the tables were switched: the next request waits for new ones. */
    public synchronized void invalidate() {
        figures = null;
    }

    private synchronized void take() {
        long started = System.nanoTime();
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(this::load);
        figures = new Figures(snapshot, config.minCell(), config.minSample(),
                new Published.Licence(config.licence().name(), config.licence().url(), config.licence().attribution()));
        takenAt = snapshot.takenAt;
        LOG.debugf("snapshot of %d complaints published in %d ms", snapshot.size,
                (System.nanoTime() - started) / 1_000_000);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private Snapshot load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Snapshot.load(connection, config.timeZone());
        }
    }
}
