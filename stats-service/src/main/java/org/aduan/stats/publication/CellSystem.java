package org.aduan.stats.publication;

import java.util.Arrays;

/**
 * Small-cell suppression of a set of linked tables, solved together.
 * <p>
 * A <i>cell</i> counts complaints (a long key says which: a time cell and up to two dimension values, see
 * {@link CellKey}). A <i>line</i> is a published equation: a total is the sum of its terms, as every
 * table's total is the sum of its rows, a year the sum of its months, a province the sum of its regencies.
 * Lines are not listed one by one: every cell names its parents (the cells it is a term of) through a
 * {@link Parents} function, and the cells with the same parent and kind form a line.
 * <p>
 * <b>The rule.</b>
 * <ol>
 * <li><i>Primary:</i> a cell counting 1 to {@code minCell - 1} complaints is suppressed. Zero is published:
 * it counts nobody (and a reader knows absent rows are zero, so zero cells are no protection either).</li>
 * <li><i>Secondary (complementary):</i> a reader can subtract within any line. So every line is checked:
 * if it has exactly one suppressed number (term or total), subtraction would reveal it; and if its total is
 * published while its suppressed terms add up to less than {@code minCell}, subtraction would reveal a
 * small count shared by a few cells. In either case the smallest published non-zero term (ties: lowest
 * key) is suppressed too, or the total when no term is left. This repeats, line by line, until no line
 * needs more.</li>
 * </ol>
 * Then no line has exactly one unknown, so subtracting published numbers, in any table and in any order,
 * never recovers a suppressed cell. All lines of all tables are solved in one system, because a cell shared
 * by two tables (water complaints in Jawa Barat: a row of Jawa Barat's categories and of the provinces of
 * water complaints) must be hidden in both or in neither.
 * <p>
 * The result depends only on the cells (everything is ordered by key), so the same data always publishes
 * the same cells: the live projection and a rebuild by replay publish identical tables.
 * <p>
 * What it does not defend against: adding several lines into one new equation (e.g. a year minus all its
 * months but one, plus a week that straddles two months) can, for unlucky patterns, narrow a suppressed
 * cell to an interval or pin it. The API keeps such combinations few: periods are whole years or months,
 * and at most one filter is combined with one breakdown.
 */
final class CellSystem {

    /** The parents of a cell: for each line kind, the total whose term the cell is, or -1 (key space). */
    interface Parents {
        /** Number of line kinds. */
        int kinds();

        /** The key of the total of the line of {@code kind} that {@code key} is a term of, or -1. */
        long parent(long key, int kind);
    }

    private final int minCell;
    private final LongLongMap counts = new LongLongMap();
    private final LongLongMap sensitive = new LongLongMap();

    CellSystem(int minCell) {
        this.minCell = minCell;
    }

    /** Adds to a cell's count, creating it. */
    void add(long key, long delta) {
        counts.add(key, delta);
    }

    /**
     * Makes a cell primary-suppressed whatever its count (for tables whose sensitive count is not the
     * published one, e.g. transfers, where what must not be small is the number of complaints).
     */
    void markSensitive(long key) {
        sensitive.add(key, 1);
    }

    /** Applies the rule to every line the parents define. */
    Solved solve(Parents parents) {
        long[] keys = counts.keys();
        Arrays.sort(keys);
        int n = keys.length;
        long[] count = new long[n];
        boolean[] suppressed = new boolean[n];
        for (int i = 0; i < n; i++) {
            count[i] = counts.get(keys[i]);
            suppressed[i] = (count[i] > 0 && count[i] < minCell) || sensitive.get(keys[i]) > 0;
        }
        // (line, term) pairs: a line is (kind, parent index); sorted, they group into lines.
        long[] pairs = new long[n * 2];
        int pairCount = 0;
        int kinds = parents.kinds();
        for (int i = 0; i < n; i++) {
            if (count[i] == 0) {
                continue;
            }
            for (int kind = 0; kind < kinds; kind++) {
                long parent = parents.parent(keys[i], kind);
                if (parent < 0) {
                    continue;
                }
                int p = Arrays.binarySearch(keys, parent);
                if (p < 0) {
                    throw new IllegalStateException("cell " + Long.toHexString(keys[i]) + " has no parent "
                            + Long.toHexString(parent));
                }
                if (pairCount == pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                if (i >= (1 << 24)) {
                    throw new IllegalStateException("too many cells: " + n);
                }
                // line id (parent, kind) in the high bits, term in the low ones
                pairs[pairCount++] = (((long) p * kinds + kind) << 24) | i;
            }
        }
        Arrays.sort(pairs, 0, pairCount);
        // Lines in CSR form, terms of each line ordered by (count, key).
        int lineCount = 0;
        for (int j = 0; j < pairCount; j++) {
            if (j == 0 || (pairs[j] >>> 24) != (pairs[j - 1] >>> 24)) {
                lineCount++;
            }
        }
        int[] total = new int[lineCount];
        int[] start = new int[lineCount + 1];
        int[] terms = new int[pairCount];
        int line = -1;
        for (int j = 0; j < pairCount; j++) {
            if (j == 0 || (pairs[j] >>> 24) != (pairs[j - 1] >>> 24)) {
                line++;
                total[line] = (int) ((pairs[j] >>> 24) / kinds);
                start[line] = j;
            }
            terms[j] = (int) (pairs[j] & ((1 << 24) - 1));
        }
        start[lineCount] = pairCount;
        long[] order = new long[0];
        for (int l = 0; l < lineCount; l++) {
            int size = start[l + 1] - start[l];
            if (order.length < size) {
                order = new long[size];
            }
            for (int j = 0; j < size; j++) {
                int t = terms[start[l] + j];
                order[j] = (Math.min(count[t], (1L << 38) - 1) << 24) | t; // terms are in key order already
            }
            Arrays.sort(order, 0, size);
            for (int j = 0; j < size; j++) {
                terms[start[l] + j] = (int) (order[j] & ((1 << 24) - 1));
            }
        }
        // The lines each cell is in, as term or total.
        int[] degree = new int[n + 1];
        for (int l = 0; l < lineCount; l++) {
            degree[total[l]]++;
            for (int j = start[l]; j < start[l + 1]; j++) {
                degree[terms[j]]++;
            }
        }
        int[] linksStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            linksStart[i + 1] = linksStart[i] + degree[i];
        }
        int[] links = new int[linksStart[n]];
        int[] fill = Arrays.copyOf(linksStart, n);
        for (int l = 0; l < lineCount; l++) {
            links[fill[total[l]]++] = l;
            for (int j = start[l]; j < start[l + 1]; j++) {
                links[fill[terms[j]]++] = l;
            }
        }
        solve(count, suppressed, total, start, terms, linksStart, links);
        return new Solved(keys, count, suppressed, lineCount);
    }

    private void solve(long[] count, boolean[] suppressed, int[] total, int[] start, int[] terms, int[] linksStart,
            int[] links) {
        int lines = total.length;
        int[] suppressedTerms = new int[lines];
        long[] suppressedSum = new long[lines];
        int[] cursor = new int[lines];
        for (int l = 0; l < lines; l++) {
            cursor[l] = start[l];
            for (int j = start[l]; j < start[l + 1]; j++) {
                if (suppressed[terms[j]]) {
                    suppressedTerms[l]++;
                    suppressedSum[l] += count[terms[j]];
                }
            }
        }
        int[] queue = new int[lines];
        boolean[] queued = new boolean[lines];
        int head = 0;
        int size = 0;
        for (int l = 0; l < lines; l++) {
            queue[size++] = l;
            queued[l] = true;
        }
        while (size > 0) {
            int l = queue[head];
            head = (head + 1) % lines;
            size--;
            queued[l] = false;
            while (true) {
                boolean totalHidden = suppressed[total[l]];
                int unknowns = (totalHidden ? 1 : 0) + suppressedTerms[l];
                boolean exposed = unknowns == 1
                        || (!totalHidden && suppressedTerms[l] > 0 && suppressedSum[l] < minCell);
                if (!exposed) {
                    break;
                }
                while (cursor[l] < start[l + 1] && suppressed[terms[cursor[l]]]) {
                    cursor[l]++;
                }
                int next = -1;
                // The smallest published term whose hiding does not drag a published total along with it
                // (a term that is the only one left in another line is as good as that line's total).
                for (int j = cursor[l]; j < start[l + 1] && next < 0; j++) {
                    int t = terms[j];
                    if (!suppressed[t] && !forcesATotal(t, l, count, suppressed, total, start, linksStart, links,
                            suppressedTerms, suppressedSum)) {
                        next = t;
                    }
                }
                if (next < 0 && cursor[l] < start[l + 1]) {
                    next = terms[cursor[l]];
                } else if (next < 0 && !totalHidden) {
                    next = total[l];
                } else if (next < 0) {
                    // Every term and the total hidden, yet one unknown: a line without terms, cannot happen.
                    break;
                }
                suppressed[next] = true;
                for (int k = linksStart[next]; k < linksStart[next + 1]; k++) {
                    int other = links[k];
                    if (total[other] != next) {
                        suppressedTerms[other]++;
                        suppressedSum[other] += count[next];
                    }
                    if (other != l && !queued[other]) {
                        queue[(head + size) % lines] = other;
                        size++;
                        queued[other] = true;
                    }
                }
            }
        }
    }

    /**
     * Whether hiding term {@code t} (for line {@code current}) would leave another line with one unknown, or a
     * small hidden sum, and no term left to hide: then that line's published total would have to go too.
     */
    private boolean forcesATotal(int t, int current, long[] count, boolean[] suppressed, int[] total, int[] start,
            int[] linksStart, int[] links, int[] suppressedTerms, long[] suppressedSum) {
        for (int k = linksStart[t]; k < linksStart[t + 1]; k++) {
            int other = links[k];
            if (other == current || total[other] == t || suppressed[total[other]]) {
                continue;
            }
            int hiddenAfter = suppressedTerms[other] + 1;
            boolean termsLeft = start[other + 1] - start[other] > hiddenAfter;
            boolean exposedAfter = hiddenAfter == 1 || suppressedSum[other] + count[t] < minCell;
            if (exposedAfter && !termsLeft) {
                return true;
            }
        }
        return false;
    }

    /** The published state of every cell of a solved system. */
    static final class Solved {
        private final long[] keys;
        private final long[] counts;
        private final boolean[] suppressed;
        final int lines;

        Solved(long[] keys, long[] counts, boolean[] suppressed, int lines) {
            this.keys = keys;
            this.counts = counts;
            this.suppressed = suppressed;
            this.lines = lines;
        }

        /** The true count of a cell (zero when absent); never published as such when suppressed. */
        long count(long key) {
            int i = Arrays.binarySearch(keys, key);
            return i < 0 ? 0 : counts[i];
        }

        boolean isSuppressed(long key) {
            int i = Arrays.binarySearch(keys, key);
            return i >= 0 && suppressed[i];
        }

        /** The published cell. */
        Cell published(long key) {
            int i = Arrays.binarySearch(keys, key);
            if (i < 0) {
                return new Cell(0, false);
            }
            return suppressed[i] ? Cell.SUPPRESSED : new Cell(counts[i], false);
        }

        int size() {
            return keys.length;
        }

        /** Every key, in order. */
        long[] keys() {
            return keys;
        }
    }

    /** A published number: the count, or nothing when it is suppressed. */
    record Cell(long count, boolean suppressed) {
        static final Cell SUPPRESSED = new Cell(0, true);

        /** The count to publish: null when suppressed. */
        Long value() {
            return suppressed ? null : count;
        }
    }

    /** An open-addressing map from long keys (never {@link Long#MIN_VALUE}) to long values, zero by default. */
    static final class LongLongMap {
        private static final long EMPTY = Long.MIN_VALUE;
        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private int size;

        LongLongMap() {
            Arrays.fill(keys, EMPTY);
        }

        void add(long key, long delta) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(keys, key);
            if (keys[i] == EMPTY) {
                keys[i] = key;
                size++;
            }
            values[i] += delta;
        }

        long get(long key) {
            int i = slot(keys, key);
            return keys[i] == EMPTY ? 0 : values[i];
        }

        long[] keys() {
            long[] out = new long[size];
            int n = 0;
            for (long k : keys) {
                if (k != EMPTY) {
                    out[n++] = k;
                }
            }
            return out;
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != EMPTY && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = slot(keys, oldKeys[j]);
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
