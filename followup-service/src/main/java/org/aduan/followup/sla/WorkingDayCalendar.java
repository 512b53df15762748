package org.aduan.followup.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Working days in Indonesia as LAPOR! counts them: Monday to Friday, except national holidays and
 * collective leave days (cuti bersama), on the calendar of Asia/Jakarta. The days off are data
 * ({@code calendar/indonesia-holidays.csv}, with its sources), not code.
 * <p>
 * A deadline of <i>n</i> working days from a moment is the end of the <i>n</i>-th working day after the
 * day of that moment (Jakarta time): a complaint forwarded on Friday afternoon with 5 working days is due
 * at the end of the next Friday, and a day off in between moves it one working day further.
 */
public final class WorkingDayCalendar {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String RESOURCE = "/calendar/indonesia-holidays.csv";
    private static final Logger LOG = Logger.getLogger(WorkingDayCalendar.class);

    /** A day off that is not a weekend. */
    public record DayOff(LocalDate date, Kind kind, String nameId, String nameEn) {

        public enum Kind {
            NATIONAL_HOLIDAY, COLLECTIVE_LEAVE
        }
    }

    private final Map<LocalDate, DayOff> daysOff;
    private final Set<Integer> coveredYears;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    WorkingDayCalendar(List<DayOff> daysOff) {
        Map<LocalDate, DayOff> byDate = new TreeMap<>();
        Set<Integer> years = new TreeSet<>();
        for (DayOff day : daysOff) {
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("day off listed twice: " + day.date());
            }
            years.add(day.date().getYear());
        }
        this.daysOff = Collections.unmodifiableMap(byDate);
        this.coveredYears = Collections.unmodifiableSet(years);
    }

    /** Indonesia's calendar as shipped in {@value #RESOURCE}. */
    public static WorkingDayCalendar indonesia() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new WorkingDayCalendar(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DayOff> parse(BufferedReader reader) throws IOException {
        List<DayOff> days = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
                continue;
            }
            String[] fields = trimmed.split(",", 4);
            if (fields.length != 4) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected date,kind,name_id,name_en");
            }
            days.add(new DayOff(LocalDate.parse(fields[0].strip()), DayOff.Kind.valueOf(fields[1].strip()),
                    fields[2].strip(), fields[3].strip()));
        }
        return days;
    }

    /** The years whose days off are known; other years count weekends only. */
    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    public Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(daysOff.get(date));
    }

    /** The days off of one year, in date order. */
    public List<DayOff> daysOff(int year) {
        return daysOff.values().stream().filter(d -> d.date().getYear() == year).toList();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        if (!coveredYears.contains(date.getYear()) && warnedYears.add(date.getYear())) {
            LOG.warnf("no holiday data for %d: working days are counted without holidays (add them to %s)",
                    date.getYear(), RESOURCE);
        }
        return !daysOff.containsKey(date);
    }

    /** The {@code n}-th working day after {@code day} ({@code day} itself never counts). */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate date = day;
        int counted = 0;
        while (counted < n) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * The deadline {@code workingDays} working days after {@code from}: midnight (Jakarta) at the end of
     * the last of those days.
     */
    public Instant deadline(Instant from, int workingDays) {
        LocalDate start = from.atZone(JAKARTA).toLocalDate();
        return workingDaysAfter(start, workingDays).plusDays(1).atStartOfDay(JAKARTA).toInstant();
    }

    /** Working days after the day of {@code from} up to and including the day of {@code to}: an age. */
    public int workingDaysBetween(Instant from, Instant to) {
        LocalDate start = from.atZone(JAKARTA).toLocalDate();
        LocalDate end = to.atZone(JAKARTA).toLocalDate();
        int days = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
