package org.aduan.stats.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a live event is written: the live tables, and while a rebuild replays, its fresh tables too.
 * <p>
 * Why write twice instead of pausing the live consumer: the rebuild replays the log up to the end offsets
 * it took when it started, and every event the live consumer handles from that moment on is also written
 * into the rebuild's tables. Events in between are written by both; the rebuild's ledger keeps them from
 * counting twice, and the merge rules of {@link ProjectionWriter} make the order irrelevant. So no event is
 * lost at the switch, the live projection never stops, and no partition positions have to be compared.
 * <p>
 * The rebuild's row is read {@code FOR KEY SHARE} in the live transaction; the switch takes it
 * {@code FOR UPDATE}, so it waits for live transactions that write into the rebuild's tables, and
 * transactions that start after it see the switch done and write only into the (rebuilt) live tables.
 * This holds across replicas, since the coordination is in the database.
 */
@ApplicationScoped
public class ProjectionTargets {

    public static final String LIVE = "public";

    /** The live schema and the schema of a rebuild that is replaying, if any; in the caller's transaction. */
    public List<String> forLiveEvent(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>(List.of(LIVE));
        try (PreparedStatement s = connection.prepareStatement(
                "select schema_name from public.stats_rebuild where state = 'REPLAYING' for key share");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }
}
