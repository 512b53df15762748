package org.aduan.stats.publication;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a published table covers: all time, one calendar year or one calendar month, by the day the
 * complaint was submitted. Arbitrary date ranges are deliberately not offered: two overlapping ranges
 * differ by a few days, and their difference would reveal the small counts suppression hides.
 *
 * @param bucket the time cell of the period
 */
public record Period(int bucket) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public static final Period ALL = new Period(TimeBucket.ALL);

    /** {@code all}, {@code 2026} or {@code 2026-03}; empty when it is none of these. */
    public static Optional<Period> parse(String text) {
        if (text == null || text.isBlank() || "all".equals(text)) {
            return Optional.of(ALL);
        }
        try {
            Matcher m = YEAR.matcher(text);
            if (m.matches()) {
                return Optional.of(new Period(TimeBucket.year(Integer.parseInt(m.group(1)))));
            }
            m = MONTH.matcher(text);
            if (m.matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new Period(TimeBucket.month(month.getYear(), month.getMonthValue())));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public TimeBucket.Level level() {
        return TimeBucket.level(bucket);
    }

    public String name() {
        return TimeBucket.name(bucket);
    }

    /** Whether a day lies in this period. */
    public boolean contains(LocalDate day) {
        return switch (level()) {
            case ALL -> true;
            case YEAR -> TimeBucket.year(day) == bucket;
            case MONTH -> TimeBucket.month(day) == bucket;
            default -> throw new IllegalStateException("a period is all time, a year or a month");
        };
    }
}
