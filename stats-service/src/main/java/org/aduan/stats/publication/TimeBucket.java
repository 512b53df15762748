package org.aduan.stats.publication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Time cells: all time, a year, a month, an ISO week or a day, encoded in one int so that cells can be
 * keyed by a long. Days are days of {@code aduan.stats.time-zone}.
 */
public final class TimeBucket {

    public enum Level {
        ALL, YEAR, MONTH, WEEK, DAY
    }

    static final int ALL = 0;
    private static final int VALUE_BITS = 20;
    private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;
    /** Epoch days are shifted so that dates before 1970 stay positive. */
    private static final int DAY_OFFSET = 500_000;

    private TimeBucket() {
    }

    static int year(int year) {
        return encode(Level.YEAR, year);
    }

    static int month(int year, int month) {
        return encode(Level.MONTH, year * 12 + month - 1);
    }

    static int week(LocalDate date) {
        return encode(Level.WEEK, date.get(IsoFields.WEEK_BASED_YEAR) * 54 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static int day(long epochDay) {
        return encode(Level.DAY, (int) (epochDay + DAY_OFFSET));
    }

    static int year(LocalDate date) {
        return year(date.getYear());
    }

    static int month(LocalDate date) {
        return month(date.getYear(), date.getMonthValue());
    }

    private static int encode(Level level, int value) {
        if (value < 0 || value > VALUE_MASK) {
            throw new IllegalArgumentException("date out of range");
        }
        return (level.ordinal() << VALUE_BITS) | value;
    }

    static Level level(int bucket) {
        return Level.values()[bucket >>> VALUE_BITS];
    }

    /** The first day of a bucket (not for {@link Level#ALL}). */
    static LocalDate start(int bucket) {
        int value = bucket & VALUE_MASK;
        return switch (level(bucket)) {
            case YEAR -> LocalDate.of(value, 1, 1);
            case MONTH -> LocalDate.of(value / 12, value % 12 + 1, 1);
            case WEEK -> LocalDate.of(value / 54, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, value % 54)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAY -> LocalDate.ofEpochDay(value - (long) DAY_OFFSET);
            case ALL -> throw new IllegalArgumentException("all time has no start");
        };
    }

    /** The bucket's name in the API: {@code 2026}, {@code 2026-03}, {@code 2026-W12}, {@code 2026-03-15}. */
    static String name(int bucket) {
        if (level(bucket) == Level.ALL) {
            return "all";
        }
        LocalDate start = start(bucket);
        return switch (level(bucket)) {
            case YEAR -> String.valueOf(start.getYear());
            case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case WEEK -> String.format("%04d-W%02d", (bucket & VALUE_MASK) / 54, (bucket & VALUE_MASK) % 54);
            case DAY -> start.toString();
            case ALL -> "all";
        };
    }

    /** The bucket of a level that contains a date. */
    static int of(Level level, LocalDate date) {
        return switch (level) {
            case ALL -> ALL;
            case YEAR -> year(date);
            case MONTH -> month(date);
            case WEEK -> week(date);
            case DAY -> day(date.toEpochDay());
        };
    }
}
