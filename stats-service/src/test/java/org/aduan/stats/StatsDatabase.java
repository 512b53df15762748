package org.aduan.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Direct reads of stats' own database, for tests. */
public final class StatsDatabase {

    private final DataSource dataSource;

    public StatsDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empties the live projection, so a test can count a world of its own. */
    public void truncateProjection() {
        execute("truncate public.complaint_fact, public.complaint_sla_breach, public.complaint_transfer, "
                + "public.processed_event");
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of these CloudEvents ids are in the live ledger. */
    public long processed(Collection<String> eventIds) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from public.processed_event where event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row of complaint_fact as column → text value, or an empty map. */
    public Map<String, String> fact(String complaintId) {
        List<Map<String, String>> rows = rows("select * from public.complaint_fact where complaint_id = ?", complaintId);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** Every row of a query as column → text value, in order. */
    public List<Map<String, String>> rows(String sql, Object... parameters) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new TreeMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * Every {@code schema.table.column} of the stats database, in every schema but PostgreSQL's own, whose
     * value as text contains {@code needle}.
     */
    public List<String> columnsContaining(String needle) {
        List<String> hits = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        for (Map<String, String> row : rows("""
                select table_schema, table_name, column_name from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')""")) {
            columns.add(new String[] {row.get("table_schema"), row.get("table_name"), row.get("column_name")});
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no columns found");
        }
        for (String[] column : columns) {
            String sql = "select count(*) from \"%s\".\"%s\" where cast(\"%s\" as text) like ?".formatted(column[0],
                    column[1], column[2]);
            if (count(sql, "%" + needle + "%") > 0) {
                hits.add(String.join(".", column));
            }
        }
        return hits;
    }
}
