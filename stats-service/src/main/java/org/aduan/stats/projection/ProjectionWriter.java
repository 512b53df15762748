package org.aduan.stats.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.aduan.stats.projection.AnonymousFacts.Change;
import org.aduan.stats.projection.AnonymousFacts.Escalation;
import org.aduan.stats.projection.AnonymousFacts.RoutingDecision;
import org.aduan.stats.projection.AnonymousFacts.StatusChange;
import org.aduan.stats.projection.AnonymousFacts.Submission;

/**
 * Writes anonymous changes into the projection tables of one schema: the live ones ({@code public}) or
 * those of a rebuild. The live consumer writes one event at a time, a rebuild thousands; both go through
 * here, so a rebuild counts exactly as the live projection does.
 * <p>
 * <b>Why the order of events never matters.</b> Topics are consumed independently, so a complaint's
 * events arrive in any order across topics. Every column is therefore merged by a rule that is
 * commutative, associative and idempotent:
 * <ul>
 * <li>submission, routing, status and rating columns each come from one tuple, and the greater tuple wins
 * (routing: transfer count, then decision time, ...; status: change time, then status code, ...);</li>
 * <li>{@code stage_reached} is the maximum, {@code first_response_at} the minimum of RESPONDED times,
 * {@code closed_at} the maximum of CLOSED times, an agency's SLA breach the minimum escalation time;</li>
 * <li>a transfer row (complaint, n-th transfer) prefers the operator's routing over the triage it went
 * through, then the later decision.</li>
 * </ul>
 * Each event is applied once: its CloudEvents id goes into the schema's ledger in the same transaction.
 * PostgreSQL's {@code ON CONFLICT DO UPDATE} may touch a row only once per statement, so a batch is
 * written in rounds: the n-th change of each complaint in round n.
 */
@ApplicationScoped
public class ProjectionWriter {

    /** Our own schema names only: {@code public} or {@code stats_rebuild_<id>}; never from a request. */
    private static final Pattern SCHEMA = Pattern.compile("public|stats_rebuild_\\d+");

    /** One event, reduced, with its CloudEvents id and the consumer that read it. */
    public record Reduced(String eventId, String consumer, Change change) {
    }

    private static final String LEDGER = """
            insert into %s.processed_event (event_id, consumer, processed_at)
            select e, c, now() from unnest(?::text[], ?::text[]) as t(e, c)
            on conflict (event_id) do nothing
            returning event_id""";

    // Conditions under which the incoming row's tuple is greater than the stored one.
    private static final String NEWER_SUBMISSION = """
            (excluded.submitted_at is not null and (f.submitted_at is null or
             (excluded.submitted_at, excluded.channel, coalesce(excluded.citizen_category, ''),
              coalesce(excluded.citizen_region, ''))
             > (f.submitted_at, coalesce(f.channel, ''), coalesce(f.citizen_category, ''),
                coalesce(f.citizen_region, ''))))""";
    private static final String NEWER_ROUTE = """
            (excluded.route_outcome is not null and (f.route_outcome is null or
             (excluded.route_transfer_count, excluded.route_decided_at, excluded.route_outcome,
              coalesce(excluded.route_agency_id, ''), coalesce(excluded.route_category, ''),
              coalesce(excluded.route_region, ''))
             > (coalesce(f.route_transfer_count, -1), coalesce(f.route_decided_at, '-infinity'), f.route_outcome,
                coalesce(f.route_agency_id, ''), coalesce(f.route_category, ''), coalesce(f.route_region, ''))))""";
    private static final String NEWER_STATUS = """
            (excluded.status is not null and (f.status is null or
             (excluded.status_changed_at, excluded.status, coalesce(excluded.status_agency_id, ''))
             > (coalesce(f.status_changed_at, '-infinity'), f.status, coalesce(f.status_agency_id, ''))))""";
    private static final String NEWER_RATING = """
            (excluded.rating is not null and (f.rating is null or
             (excluded.rated_at, excluded.rating) > (coalesce(f.rated_at, '-infinity'), f.rating)))""";

    private static final String FACT = """
            insert into %s.complaint_fact as f (complaint_id, submitted_at, channel, citizen_category, citizen_region,
                route_transfer_count, route_decided_at, route_outcome, route_agency_id, route_category, route_region,
                status_changed_at, status, status_agency_id, stage_reached, first_response_at, closed_at,
                rated_at, rating, updated_at)
            select id, sub, ch, ccat, creg, rtc, rat, rout, rag, rcat, rreg, sat, st, sag, stg, fr, cl, rtd, rating, now()
            from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::int[], ?::timestamptz[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::int[],
                        ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::int[])
                 as t(id, sub, ch, ccat, creg, rtc, rat, rout, rag, rcat, rreg, sat, st, sag, stg, fr, cl, rtd, rating)
            on conflict (complaint_id) do update set
                submitted_at = case when %2$s then excluded.submitted_at else f.submitted_at end,
                channel = case when %2$s then excluded.channel else f.channel end,
                citizen_category = case when %2$s then excluded.citizen_category else f.citizen_category end,
                citizen_region = case when %2$s then excluded.citizen_region else f.citizen_region end,
                route_transfer_count = case when %3$s then excluded.route_transfer_count else f.route_transfer_count end,
                route_decided_at = case when %3$s then excluded.route_decided_at else f.route_decided_at end,
                route_outcome = case when %3$s then excluded.route_outcome else f.route_outcome end,
                route_agency_id = case when %3$s then excluded.route_agency_id else f.route_agency_id end,
                route_category = case when %3$s then excluded.route_category else f.route_category end,
                route_region = case when %3$s then excluded.route_region else f.route_region end,
                status_changed_at = case when %4$s then excluded.status_changed_at else f.status_changed_at end,
                status = case when %4$s then excluded.status else f.status end,
                status_agency_id = case when %4$s then excluded.status_agency_id else f.status_agency_id end,
                stage_reached = greatest(f.stage_reached, excluded.stage_reached),
                first_response_at = least(f.first_response_at, excluded.first_response_at),
                closed_at = greatest(f.closed_at, excluded.closed_at),
                rated_at = case when %5$s then excluded.rated_at else f.rated_at end,
                rating = case when %5$s then excluded.rating else f.rating end,
                updated_at = excluded.updated_at""";

    private static final String NEWER_TRANSFER = """
            ((case excluded.outcome when 'ROUTED' then 1 else 0 end), excluded.decided_at,
              coalesce(excluded.to_agency_id, ''), excluded.from_agency_id)
             > ((case t.outcome when 'ROUTED' then 1 else 0 end), t.decided_at, coalesce(t.to_agency_id, ''),
                t.from_agency_id)""";

    private static final String TRANSFER = """
            insert into %s.complaint_transfer as t (complaint_id, transfer_count, from_agency_id, to_agency_id,
                outcome, decided_at)
            select * from unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            on conflict (complaint_id, transfer_count) do update set
                from_agency_id = case when %2$s then excluded.from_agency_id else t.from_agency_id end,
                to_agency_id = case when %2$s then excluded.to_agency_id else t.to_agency_id end,
                outcome = case when %2$s then excluded.outcome else t.outcome end,
                decided_at = case when %2$s then excluded.decided_at else t.decided_at end""";

    private static final String BREACH = """
            insert into %s.complaint_sla_breach as b (complaint_id, agency_id, first_escalated_at)
            select * from unnest(?::text[], ?::text[], ?::timestamptz[])
            on conflict (complaint_id, agency_id) do update set
                first_escalated_at = least(b.first_escalated_at, excluded.first_escalated_at)""";

    /**
     * Applies the events not yet in the schema's ledger, all in the caller's transaction.
     *
     * @return the events applied now (the others were applied before)
     */
    public List<Reduced> apply(Connection connection, String schema, List<Reduced> events) throws SQLException {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a projection schema: " + schema);
        }
        Map<String, Reduced> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = ledger(connection, schema, byId.values());
        List<Reduced> applied = new ArrayList<>();
        Map<String, List<Change>> byComplaint = new LinkedHashMap<>();
        for (Reduced event : byId.values()) {
            if (fresh.contains(event.eventId())) {
                applied.add(event);
                byComplaint.computeIfAbsent(event.change().complaintId(), k -> new ArrayList<>()).add(event.change());
            }
        }
        for (int round = 0;; round++) {
            List<Change> changes = new ArrayList<>();
            for (List<Change> ofComplaint : byComplaint.values()) {
                if (round < ofComplaint.size()) {
                    changes.add(ofComplaint.get(round));
                }
            }
            if (changes.isEmpty()) {
                return applied;
            }
            writeRound(connection, schema, changes);
        }
    }

    private static Set<String> ledger(Connection c, String schema, Iterable<Reduced> events) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        for (Reduced e : events) {
            ids.add(e.eventId());
            consumers.add(e.consumer());
        }
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(LEDGER.formatted(schema))) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            s.setArray(2, c.createArrayOf("text", consumers.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    /** One change per complaint: the fact upsert, then transfers and SLA breaches. */
    private static void writeRound(Connection c, String schema, List<Change> changes) throws SQLException {
        FactColumns facts = new FactColumns();
        List<Object[]> transfers = new ArrayList<>();
        List<Object[]> breaches = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof Escalation e) {
                breaches.add(new Object[] {e.complaintId(), e.agencyId(), e.escalatedAt().toString()});
                continue;
            }
            facts.add(change);
            if (change instanceof RoutingDecision r && r.completesTransfer()) {
                transfers.add(new Object[] {r.complaintId(), r.transferCount(), r.previousAgencyId().get(),
                        r.agencyId().orElse(null), r.outcome(), r.decidedAt().toString()});
            }
        }
        if (!facts.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    FACT.formatted(schema, NEWER_SUBMISSION, NEWER_ROUTE, NEWER_STATUS, NEWER_RATING))) {
                facts.bind(c, s);
                s.executeUpdate();
            }
        }
        if (!transfers.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(TRANSFER.formatted(schema, NEWER_TRANSFER))) {
                bindColumns(c, s, transfers, "text", "int4", "text", "text", "text", "timestamptz");
                s.executeUpdate();
            }
        }
        if (!breaches.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(BREACH.formatted(schema))) {
                bindColumns(c, s, breaches, "text", "text", "timestamptz");
                s.executeUpdate();
            }
        }
    }

    private static void bindColumns(Connection c, PreparedStatement s, List<Object[]> rows, String... types)
            throws SQLException {
        for (int col = 0; col < types.length; col++) {
            Object[] values = new Object[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                values[row] = rows.get(row)[col];
            }
            s.setArray(col + 1, c.createArrayOf(types[col], values));
        }
    }

    /** The columns of complaint_fact, one array each; a change fills the ones it owns, the rest stay null. */
    private static final class FactColumns {
        private static final String[] TYPES = {"text", "timestamptz", "text", "text", "text", "int4", "timestamptz",
            "text", "text", "text", "text", "timestamptz", "text", "text", "int4", "timestamptz", "timestamptz",
            "timestamptz", "int4"};
        private final List<Object[]> rows = new ArrayList<>();

        boolean isEmpty() {
            return rows.isEmpty();
        }

        void add(Change change) {
            Object[] row = new Object[TYPES.length];
            row[0] = change.complaintId();
            row[14] = Stage.RECEIVED.rank;
            if (change instanceof Submission s) {
                row[1] = s.submittedAt().toString();
                row[2] = s.channel();
                row[3] = s.category().orElse(null);
                row[4] = s.region().orElse(null);
            } else if (change instanceof RoutingDecision r) {
                row[5] = r.transferCount();
                row[6] = r.decidedAt().toString();
                row[7] = r.outcome();
                row[8] = r.agencyId().orElse(null);
                row[9] = r.category().orElse(null);
                row[10] = r.region().orElse(null);
                row[14] = RoutingDecision.ROUTED.equals(r.outcome()) ? Stage.ROUTED.rank : Stage.RECEIVED.rank;
            } else if (change instanceof StatusChange s) {
                String changedAt = s.changedAt().toString();
                row[11] = changedAt;
                row[12] = s.status();
                row[13] = s.agencyId().orElse(null);
                row[14] = s.stage();
                row[15] = "RESPONDED".equals(s.status()) ? changedAt : null;
                row[16] = "CLOSED".equals(s.status()) ? changedAt : null;
                row[17] = s.rating().isPresent() ? changedAt : null;
                row[18] = s.rating().orElse(null);
            }
            rows.add(row);
        }

        void bind(Connection c, PreparedStatement s) throws SQLException {
            bindColumns(c, s, rows, TYPES);
        }
    }
}
