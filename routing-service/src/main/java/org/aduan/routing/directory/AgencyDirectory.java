package org.aduan.routing.directory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.aduan.routing.decision.RoutingKnowledge;
import org.jboss.logging.Logger;

/**
 * The agency directory routing decides with: the {@code agency} table, held in memory (routing reads it
 * for every complaint) and reloaded when any replica changes it. At start the shipped seed is inserted
 * where missing, so operators' edits survive upgrades and new seed rows still arrive.
 */
@ApplicationScoped
public class AgencyDirectory implements AgencyLookup {

    private static final Logger LOG = Logger.getLogger(AgencyDirectory.class);

    private final AgroalDataSource dataSource;
    private final RoutingKnowledge knowledge;
    private volatile Map<String, AgencyInfo> agencies = Map.of();
    private volatile String version = "";

    AgencyDirectory(AgroalDataSource dataSource, RoutingKnowledge knowledge) {
        this.dataSource = dataSource;
        this.knowledge = knowledge;
    }

    void onStart(@Observes StartupEvent start) throws SQLException {
        int inserted = seed(knowledge.seedAgencies);
        reload();
        LOG.infof("agency directory: %d agencies (%d added from the seed)", agencies.size(), inserted);
    }

    @Override
    public Optional<AgencyInfo> find(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    @Override
    public java.util.Collection<AgencyInfo> all() {
        return agencies.values();
    }

    /** Picks up edits made by another replica. */
    @Scheduled(every = "10s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() throws SQLException {
        if (!currentVersion().equals(version)) {
            reload();
        }
    }

    /** Reloads now: after an edit in this process. */
    public void reload() throws SQLException {
        Map<String, AgencyInfo> loaded = new HashMap<>();
        String stamp = currentVersion();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, name_id, name_en, level, region_code, parent_id,"
                        + " categories, autonomous, active from agency");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Array categories = r.getArray("categories");
                loaded.put(r.getString("id"), new AgencyInfo(r.getString("id"), r.getString("name_id"),
                        r.getString("name_en"), AgencyLevel.valueOf(r.getString("level")),
                        Optional.ofNullable(r.getString("region_code")), Optional.ofNullable(r.getString("parent_id")),
                        List.of((String[]) categories.getArray()), r.getBoolean("autonomous"), r.getBoolean("active")));
            }
        }
        agencies = Map.copyOf(loaded);
        version = stamp;
    }

    private String currentVersion() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) || '@' || coalesce(max(updated_at)::text, '')"
                        + " from agency");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private int seed(List<AgencyInfo> seed) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into agency (id, name_id, name_en, level, region_code,"
                        + " parent_id, categories, autonomous, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (id) do nothing")) {
            for (AgencyInfo a : seed) {
                s.setString(1, a.id());
                s.setString(2, a.nameId());
                s.setString(3, a.nameEn());
                s.setString(4, a.level().name());
                s.setString(5, a.regionCode().orElse(null));
                s.setString(6, a.parentId().orElse(null));
                s.setArray(7, c.createArrayOf("text", a.categories().toArray()));
                s.setBoolean(8, a.autonomous());
                s.setBoolean(9, a.active());
                s.addBatch();
            }
            int inserted = 0;
            for (int n : s.executeBatch()) {
                inserted += Math.max(n, 0);
            }
            return inserted;
        }
    }

    public int size() {
        return agencies.size();
    }
}
