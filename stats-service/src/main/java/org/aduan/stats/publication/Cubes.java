package org.aduan.stats.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.aduan.stats.publication.CellSystem.Cell;
import org.aduan.stats.publication.CellSystem.Solved;
import org.jboss.logging.Logger;

/**
 * Every count stats-service publishes, with small cells suppressed consistently across all tables.
 * <p>
 * A published count is a cell: a time cell (all time, a year, a month, an ISO week, a day) by at most two
 * dimension values. All cells that any request can show are built up front from one snapshot, and solved
 * in one {@link CellSystem}:
 * <ul>
 * <li>time alone, at every level;</li>
 * <li>time by one dimension, at every level (trends of one filter);</li>
 * <li>all time, years and months by two dimensions (a breakdown under one filter).</li>
 * </ul>
 * Transfers between agencies are a system of their own (they count transfers, not complaints).
 */
final class Cubes {

    private static final Logger LOG = Logger.getLogger(Cubes.class);

    /** The dimension pairs published together: any two, except a regency within a province. */
    static final List<Dimension[]> PAIRS = pairs();

    private final Snapshot snapshot;
    private final Solved cells;
    private final Solved transfers;

    Cubes(Snapshot snapshot, int minCell) {
        this.snapshot = snapshot;
        long started = System.nanoTime();
        this.cells = solveComplaints(snapshot, minCell);
        this.transfers = solveTransfers(snapshot, minCell);
        LOG.debugf("suppression: %d cells in %d lines, %d transfer cells, in %d ms", cells.size(), cells.lines,
                transfers.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Number of complaint cells, for logs. */
    int size() {
        return cells.size();
    }

    /** A published filter: one dimension held at one value. */
    record Filter(Dimension dimension, String key) {
    }

    private static List<Dimension[]> pairs() {
        List<Dimension[]> pairs = new ArrayList<>();
        Dimension[] all = Dimension.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                if (!(all[i] == Dimension.PROVINCE && all[j] == Dimension.REGENCY)) {
                    pairs.add(new Dimension[] {all[i], all[j]});
                }
            }
        }
        return pairs;
    }

    // --- what the API reads ---------------------------------------------------------------------------

    /** The number of complaints in a time cell (and a filter). */
    Cell total(int timeBucket, Optional<Filter> filter) {
        if (filter.isEmpty()) {
            return cells.published(CellKey.of(timeBucket));
        }
        int v = snapshot.values.get(filter.get().dimension()).find(filter.get().key());
        return v < 0 ? new Cell(0, false)
                : cells.published(CellKey.of(timeBucket, CellKey.code(filter.get().dimension()), v));
    }

    /** The number of complaints in a time cell (and a filter) with one value of {@code by}. */
    Cell cell(int timeBucket, Optional<Filter> filter, Dimension by, String value) {
        int b = snapshot.values.get(by).find(value);
        if (b < 0) {
            return new Cell(0, false);
        }
        if (filter.isEmpty()) {
            return cells.published(CellKey.of(timeBucket, CellKey.code(by), b));
        }
        Dimension d = filter.get().dimension();
        int v = snapshot.values.get(d).find(filter.get().key());
        if (v < 0) {
            return new Cell(0, false);
        }
        if (d == Dimension.PROVINCE && by == Dimension.REGENCY) {
            // a regency lies in one province: the cell is the regency's own, or zero
            return Regions.provinceOfRegencyKey(value).equals(filter.get().key())
                    ? cells.published(CellKey.of(timeBucket, CellKey.code(by), b)) : new Cell(0, false);
        }
        if (d == Dimension.REGENCY && by == Dimension.PROVINCE) {
            throw new IllegalArgumentException("a regency filter has no provinces to break down");
        }
        return cells.published(CellKey.of(timeBucket, CellKey.code(d), v, CellKey.code(by), b));
    }

    /** The values of {@code by} a table lists: its universe, then every value counted anywhere. */
    List<String> rowKeys(Dimension by) {
        Snapshot.Dictionary dictionary = snapshot.values.get(by);
        List<String> keys = new ArrayList<>(dictionary.size());
        for (int i = 0; i < dictionary.size(); i++) {
            keys.add(dictionary.key(i));
        }
        return keys;
    }

    /** The time cells of one level inside a period that hold complaints (of a filter), in time order. */
    List<Integer> buckets(TimeBucket.Level level, Period period, Optional<Filter> filter) {
        Set<Integer> found = new TreeSet<>();
        int v = filter.map(f -> snapshot.values.get(f.dimension()).find(f.key())).orElse(-1);
        int[] values = filter.map(f -> snapshot.valueOf.get(f.dimension())).orElse(null);
        for (int i = 0; i < snapshot.size; i++) {
            if (values != null && values[i] != v) {
                continue;
            }
            LocalDate date = LocalDate.ofEpochDay(snapshot.day[i]);
            if (period.contains(date)) {
                found.add(TimeBucket.of(level, date));
            }
        }
        return new ArrayList<>(found);
    }

    /** A transfer cell: {@code from}/{@code to} null for all agencies. */
    Cell transfers(int timeBucket, String from, String to) {
        int f = from == null ? -1 : snapshot.agencies.find(from);
        int t = to == null ? -1 : snapshot.agencies.find(to);
        if ((from != null && f < 0) || (to != null && t < 0)) {
            return new Cell(0, false);
        }
        long key;
        if (from == null && to == null) {
            key = CellKey.of(timeBucket);
        } else if (from == null) {
            key = CellKey.of(timeBucket, CellKey.TO, t);
        } else if (to == null) {
            key = CellKey.of(timeBucket, CellKey.FROM, f);
        } else {
            key = CellKey.of(timeBucket, CellKey.FROM, f, CellKey.TO, t);
        }
        return transfers.published(key);
    }

    /** The (from, to) pairs with transfers in a time cell, in a stable order. */
    List<String[]> transferPairs(int timeBucket) {
        List<String[]> pairs = new ArrayList<>();
        for (long k : transfers.keys()) {
            if (CellKey.time(k) == timeBucket && CellKey.dimA(k) == CellKey.FROM && CellKey.dimB(k) == CellKey.TO
                    && transfers.count(k) > 0) {
                pairs.add(new String[] {snapshot.agencies.key(CellKey.valueA(k)),
                    snapshot.agencies.key(CellKey.valueB(k))});
            }
        }
        return pairs;
    }

    // --- building and solving -------------------------------------------------------------------------------

    private static Solved solveComplaints(Snapshot snapshot, int minCell) {
        CellSystem system = new CellSystem(minCell);
        Dimension[] dims = Dimension.values();
        int[][] valueOf = new int[dims.length][];
        for (Dimension d : dims) {
            valueOf[d.ordinal()] = snapshot.valueOf.get(d);
            if (snapshot.values.get(d).size() >= CellKey.MAX_VALUES) {
                throw new IllegalStateException("too many values of " + d.apiName);
            }
        }
        Map<Integer, int[]> bucketsOfDay = new HashMap<>();
        for (int i = 0; i < snapshot.size; i++) {
            int[] time = bucketsOfDay.computeIfAbsent(snapshot.day[i], Cubes::bucketsOf);
            for (int t : time) {
                system.add(CellKey.of(t), 1);
                for (Dimension d : dims) {
                    system.add(CellKey.of(t, CellKey.code(d), valueOf[d.ordinal()][i]), 1);
                }
            }
            for (Dimension[] pair : PAIRS) {
                int a = CellKey.code(pair[0]);
                int b = CellKey.code(pair[1]);
                int va = valueOf[pair[0].ordinal()][i];
                int vb = valueOf[pair[1].ordinal()][i];
                for (int k = 0; k < 3; k++) { // all time, year, month
                    system.add(CellKey.of(time[k], a, va, b, vb), 1);
                }
            }
        }
        Snapshot.Dictionary regencies = snapshot.values.get(Dimension.REGENCY);
        int[] provinceOfRegency = new int[regencies.size()];
        for (int r = 0; r < regencies.size(); r++) {
            provinceOfRegency[r] = snapshot.values.get(Dimension.PROVINCE)
                    .find(Regions.provinceOfRegencyKey(regencies.key(r)));
        }
        return system.solve(new CellKey.Lines(provinceOfRegency));
    }

    /** All time, year, month, ISO week and day of a day. */
    private static int[] bucketsOf(int epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        return new int[] {TimeBucket.ALL, TimeBucket.year(date), TimeBucket.month(date), TimeBucket.week(date),
            TimeBucket.day(epochDay)};
    }

    /**
     * Transfers per (from, to), per agency out and in, and in total, for all time, years and months. A
     * cell is sensitive when fewer than {@code minCell} distinct complaints are behind it.
     */
    private static Solved solveTransfers(Snapshot snapshot, int minCell) {
        CellSystem system = new CellSystem(minCell);
        Map<Long, Set<Integer>> complaints = new HashMap<>();
        for (int i = 0; i < snapshot.transferDay.length; i++) {
            int[] time = bucketsOf(snapshot.transferDay[i]);
            int f = snapshot.transferFrom[i];
            int t = snapshot.transferTo[i];
            for (int k = 0; k < 3; k++) {
                for (long key : new long[] {CellKey.of(time[k]), CellKey.of(time[k], CellKey.FROM, f),
                    CellKey.of(time[k], CellKey.TO, t), CellKey.of(time[k], CellKey.FROM, f, CellKey.TO, t)}) {
                    system.add(key, 1);
                    complaints.computeIfAbsent(key, x -> new HashSet<>()).add(snapshot.transferComplaint[i]);
                }
            }
        }
        complaints.forEach((key, set) -> {
            if (set.size() < minCell) {
                system.markSensitive(key);
            }
        });
        return system.solve(new CellKey.Lines(new int[0]));
    }
}
