package org.aduan.stats.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aduan.events.Category;
import org.aduan.stats.projection.Stage;

/**
 * The projection as it stood at one moment, held in memory: one entry per submitted complaint, every
 * value already a dimension value, plus the transfers. Everything published is computed from one
 * snapshot, so all tables of a response, and all responses with the same ETag, agree with each other.
 */
final class Snapshot {

    /** Key of the "to triage" side of a transfer. */
    static final String TRIAGE = "triage";

    final Instant takenAt;
    /** A hash of the content: the same data gives the same hash, and the same ETag. */
    final long fingerprint;
    final int size;
    /** Day of submission (epoch day in the configured zone), per complaint. */
    final int[] day;
    /** Per dimension, per complaint: the index of its value in {@link #values}. */
    final Map<Dimension, int[]> valueOf;
    final Map<Dimension, Dictionary> values;
    /** Seconds from submission to first response / closure; -1 when there was none (yet). */
    final long[] firstResponseSeconds;
    final long[] closureSeconds;
    /** SLA of the complaint's current agency: 0 undecided, 1 answered before any escalation, 2 escalated first. */
    final byte[] sla;
    /** Transfers: the complaint (index), the day of its submission, from and to (indexes in {@link #agencies}). */
    final int[] transferComplaint;
    final int[] transferDay;
    final int[] transferFrom;
    final int[] transferTo;
    /** Agencies on either side of a transfer, {@value #TRIAGE} included. */
    final Dictionary agencies;

    static final byte SLA_UNDECIDED = 0;
    static final byte SLA_MET = 1;
    static final byte SLA_MISSED = 2;

    private Snapshot(Builder b) {
        takenAt = b.takenAt;
        fingerprint = b.hash;
        size = b.day.size();
        day = b.day.stream().mapToInt(Integer::intValue).toArray();
        valueOf = new EnumMap<>(Dimension.class);
        b.valueOf.forEach((d, list) -> valueOf.put(d, list.stream().mapToInt(Integer::intValue).toArray()));
        values = b.values;
        firstResponseSeconds = b.firstResponse.stream().mapToLong(Long::longValue).toArray();
        closureSeconds = b.closure.stream().mapToLong(Long::longValue).toArray();
        sla = new byte[size];
        for (int i = 0; i < size; i++) {
            sla[i] = b.sla.get(i);
        }
        transferComplaint = b.transferComplaint.stream().mapToInt(Integer::intValue).toArray();
        transferDay = b.transferDay.stream().mapToInt(Integer::intValue).toArray();
        transferFrom = b.transferFrom.stream().mapToInt(Integer::intValue).toArray();
        transferTo = b.transferTo.stream().mapToInt(Integer::intValue).toArray();
        agencies = b.agencies;
    }

    /** Dimension values and their indexes; the universe of a dimension first, in its order. */
    static final class Dictionary {
        private final List<String> keys = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        Dictionary(List<String> universe) {
            universe.forEach(this::indexOf);
        }

        int indexOf(String key) {
            Integer i = index.get(key);
            if (i == null) {
                i = keys.size();
                keys.add(key);
                index.put(key, i);
            }
            return i;
        }

        /** The index of a key, or -1 when it was never counted nor is in the universe. */
        int find(String key) {
            return index.getOrDefault(key, -1);
        }

        String key(int i) {
            return keys.get(i);
        }

        int size() {
            return keys.size();
        }
    }

    /** Reads the live projection in the caller's transaction. */
    static Snapshot load(Connection connection, ZoneId zone) throws SQLException {
        Builder b = new Builder(zone);
        Map<String, Integer> complaintIndex = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select f.complaint_id, f.submitted_at, f.channel,
                       coalesce(f.route_category, f.citizen_category) as category,
                       case when f.route_outcome is not null and f.route_region is not null
                            then f.route_region else f.citizen_region end as region,
                       a.agency_id, coalesce(f.status, 'RECEIVED') as status, f.stage_reached, f.rating,
                       f.first_response_at, f.closed_at, b.first_escalated_at
                from public.complaint_fact f
                cross join lateral (select case when f.route_outcome = 'TRIAGE' then null
                                                else coalesce(f.route_agency_id, f.status_agency_id) end as agency_id) a
                left join public.complaint_sla_breach b
                       on b.complaint_id = f.complaint_id and b.agency_id = a.agency_id
                where f.submitted_at is not null
                order by f.complaint_id""")) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    complaintIndex.put(rs.getString(1), b.day.size());
                    b.complaint(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), (Integer) rs.getObject(9),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("""
                select t.complaint_id, t.from_agency_id, t.to_agency_id
                from public.complaint_transfer t
                order by t.complaint_id, t.transfer_count""")) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Integer complaint = complaintIndex.get(rs.getString(1));
                    if (complaint != null) {
                        b.transfer(complaint, rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        return new Snapshot(b);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Collects complaints as dimension values; also used by tests to build a snapshot without a database. */
    static final class Builder {
        private final ZoneId zone;
        private final Instant takenAt = Instant.now();
        private long hash = 1;
        private final List<Integer> day = new ArrayList<>();
        private final Map<Dimension, List<Integer>> valueOf = new EnumMap<>(Dimension.class);
        private final Map<Dimension, Dictionary> values = new EnumMap<>(Dimension.class);
        private final List<Long> firstResponse = new ArrayList<>();
        private final List<Long> closure = new ArrayList<>();
        private final List<Byte> sla = new ArrayList<>();
        private final List<Integer> transferComplaint = new ArrayList<>();
        private final List<Integer> transferDay = new ArrayList<>();
        private final List<Integer> transferFrom = new ArrayList<>();
        private final List<Integer> transferTo = new ArrayList<>();
        private final Dictionary agencies = new Dictionary(List.of());

        Builder(ZoneId zone) {
            this.zone = zone;
            for (Dimension d : Dimension.values()) {
                valueOf.put(d, new ArrayList<>());
                values.put(d, new Dictionary(d.universe()));
            }
        }

        /** One complaint, as stored; values that are not codes of their dimension count as unknown. */
        Builder complaint(Instant submittedAt, String channel, String category, String region, String agency,
                String status, int stage, Integer rating, Instant firstResponseAt, Instant closedAt,
                Instant firstEscalatedAt) {
            LocalDate date = submittedAt.atZone(zone).toLocalDate();
            day.add((int) date.toEpochDay());
            Regions regions = Regions.get();
            put(Dimension.PROVINCE, regions.provinceOf(region));
            put(Dimension.REGENCY, regions.regencyOf(region));
            put(Dimension.CATEGORY, category != null && Category.ofCode(category).isPresent() ? category
                    : Dimension.UNKNOWN);
            put(Dimension.CHANNEL, channel == null ? Dimension.UNKNOWN : channel);
            put(Dimension.AGENCY, agency == null ? Dimension.UNKNOWN : agency);
            put(Dimension.STATUS, status);
            put(Dimension.STAGE, Stage.ofRank(stage).name());
            put(Dimension.RATING, rating == null ? Dimension.NOT_RATED : String.valueOf(rating));
            long response = seconds(submittedAt, firstResponseAt);
            firstResponse.add(response);
            closure.add(seconds(submittedAt, closedAt));
            byte state;
            if (firstResponseAt != null && (firstEscalatedAt == null || firstResponseAt.isBefore(firstEscalatedAt))) {
                state = SLA_MET;
            } else if (firstEscalatedAt != null) {
                state = SLA_MISSED;
            } else {
                state = SLA_UNDECIDED;
            }
            sla.add(state);
            hash = hash * 31 + Arrays.hashCode(new long[] {date.toEpochDay(), response, state,
                closure.get(closure.size() - 1)});
            return this;
        }

        /** A transfer of the last-but-n complaint added, by its index. */
        Builder transfer(int complaint, String from, String to) {
            transferComplaint.add(complaint);
            transferDay.add(day.get(complaint));
            transferFrom.add(agencies.indexOf(from));
            transferTo.add(agencies.indexOf(to == null ? TRIAGE : to));
            hash = hash * 31 + (complaint * 17L + (from + "→" + to).hashCode());
            return this;
        }

        private void put(Dimension d, String key) {
            valueOf.get(d).add(values.get(d).indexOf(key));
            hash = hash * 31 + key.hashCode();
        }

        private static long seconds(Instant from, Instant to) {
            return to == null ? -1 : Math.max(0, to.getEpochSecond() - from.getEpochSecond());
        }

        Snapshot build() {
            return new Snapshot(this);
        }
    }
}
