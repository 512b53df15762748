package org.aduan.stats.publication;

/**
 * The key of a cell: a time cell and up to two (dimension, value) pairs, in dimension order, packed into a
 * long: 23 bits of time, then for each pair 4 bits of dimension code (0: none) and 16 bits of value (an
 * index in the dimension's dictionary).
 */
final class CellKey {

    /** Dimension codes beyond {@link Dimension}: the two sides of a transfer. */
    static final int FROM = 9;
    static final int TO = 10;

    private static final int VALUE_BITS = 16;
    private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;
    static final int MAX_VALUES = 1 << VALUE_BITS;

    private CellKey() {
    }

    static int code(Dimension d) {
        return d.ordinal() + 1;
    }

    static long of(int time) {
        return (long) time << 40;
    }

    static long of(int time, int dim, int value) {
        return of(time) | ((long) dim << 36) | ((long) value << 20);
    }

    /** Two pairs in either order; stored in dimension order. */
    static long of(int time, int dimA, int valueA, int dimB, int valueB) {
        if (dimA > dimB) {
            return of(time, dimB, valueB, dimA, valueA);
        }
        return of(time, dimA, valueA) | ((long) dimB << 16) | valueB;
    }

    static int time(long key) {
        return (int) (key >>> 40);
    }

    static int dimA(long key) {
        return (int) ((key >>> 36) & 0xF);
    }

    static int valueA(long key) {
        return (int) ((key >>> 20) & VALUE_MASK);
    }

    static int dimB(long key) {
        return (int) ((key >>> 16) & 0xF);
    }

    static int valueB(long key) {
        return (int) (key & VALUE_MASK);
    }

    static long withTime(long key, int time) {
        return (key & ((1L << 40) - 1)) | of(time);
    }

    /**
     * The lines of the published cells: a year is the sum of its months, a month of its days, all time of
     * its years and of its ISO weeks, a week of its days; and each cell with a dimension value is a term of
     * the cell without it (a regency of its province's cell), one line per dimension dropped.
     */
    static final class Lines implements CellSystem.Parents {
        static final int YEAR_IN_ALL = 0;
        static final int MONTH_IN_YEAR = 1;
        static final int DAY_IN_MONTH = 2;
        static final int WEEK_IN_ALL = 3;
        static final int DAY_IN_WEEK = 4;
        /** Kind {@code DROP + code}: the line over all values of the dimension with that code. */
        static final int DROP = 5;

        /** Province index of each regency index; regencies roll up into provinces, not into the total. */
        private final int[] provinceOfRegency;

        Lines(int[] provinceOfRegency) {
            this.provinceOfRegency = provinceOfRegency;
        }

        @Override
        public int kinds() {
            return DROP + TO + 1;
        }

        @Override
        public long parent(long key, int kind) {
            int time = time(key);
            TimeBucket.Level level = TimeBucket.level(time);
            switch (kind) {
                case YEAR_IN_ALL:
                    return level == TimeBucket.Level.YEAR ? withTime(key, TimeBucket.ALL) : -1;
                case MONTH_IN_YEAR:
                    return level == TimeBucket.Level.MONTH ? withTime(key, TimeBucket.year(TimeBucket.start(time))) : -1;
                case DAY_IN_MONTH:
                    return level == TimeBucket.Level.DAY ? withTime(key, TimeBucket.month(TimeBucket.start(time))) : -1;
                case WEEK_IN_ALL:
                    return level == TimeBucket.Level.WEEK ? withTime(key, TimeBucket.ALL) : -1;
                case DAY_IN_WEEK:
                    return level == TimeBucket.Level.DAY ? withTime(key, TimeBucket.week(TimeBucket.start(time))) : -1;
                default:
                    return drop(key, time, kind - DROP);
            }
        }

        /** The cell without dimension {@code code} (a regency becomes its province), or -1. */
        private long drop(long key, int time, int code) {
            int a = dimA(key);
            int b = dimB(key);
            int keptDim;
            int keptValue;
            int droppedValue;
            if (a == code && a != 0) {
                keptDim = b;
                keptValue = valueB(key);
                droppedValue = valueA(key);
            } else if (b == code && b != 0) {
                keptDim = a;
                keptValue = valueA(key);
                droppedValue = valueB(key);
            } else {
                return -1;
            }
            if (code == code(Dimension.REGENCY)) {
                int province = provinceOfRegency[droppedValue];
                return keptDim == 0 ? of(time, code(Dimension.PROVINCE), province)
                        : of(time, code(Dimension.PROVINCE), province, keptDim, keptValue);
            }
            return keptDim == 0 ? of(time) : of(time, keptDim, keptValue);
        }
    }
}
