package org.aduan.followup.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines against dates worked out by hand on the 2026 and 2027 calendars (SKB 3 Menteri), around
 * Lebaran, Nyepi, Christmas, the turn of the year and plain weekends.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.indonesia();

    @ParameterizedTest(name = "{2} working days from {0} {1} (Jakarta) end on {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # from (Jakarta) | time  | days | last working day | why
            2026-03-13       | 10:00 | 3    | 2026-03-25       | Fri before Lebaran: Mon 16, Tue 17, then 18-24 off (Nyepi, cuti, Idul Fitri, cuti), Wed 25
            2026-03-17       | 09:00 | 5    | 2026-03-31       | Tue 17: 18-24 off, then Wed 25, Thu 26, Fri 27, Mon 30, Tue 31
            2026-03-13       | 16:30 | 10   | 2026-04-06       | 16,17,25,26,27,30,31, Apr 1, 2, (Good Friday Apr 3 off), Mon Apr 6
            2026-03-21       | 08:00 | 3    | 2026-03-27       | submitted on Idul Fitri itself: Wed 25, Thu 26, Fri 27
            2026-03-18       | 01:30 | 1    | 2026-03-25       | 01:30 WIB on cuti bersama Nyepi: next working day is Wed 25
            2026-03-06       | 15:00 | 5    | 2026-03-13       | an ordinary week: Mon 9 to Fri 13
            2026-03-07       | 11:00 | 5    | 2026-03-13       | Saturday: counting starts Monday 9
            2026-05-13       | 10:00 | 3    | 2026-05-20       | Ascension Thu 14 and cuti Fri 15 off: Mon 18, Tue 19, Wed 20
            2026-05-26       | 10:00 | 5    | 2026-06-05       | Idul Adha Wed 27, cuti Thu 28, Pancasila Mon Jun 1 off: Fri 29, Tue 2, Wed 3, Thu 4, Fri 5
            2026-12-23       | 10:00 | 3    | 2026-12-30       | cuti Thu 24, Christmas Fri 25: Mon 28, Tue 29, Wed 30
            2026-12-30       | 10:00 | 3    | 2027-01-06       | over New Year: Thu 31, (Jan 1 off) Mon 4, (Isra Mikraj Tue 5 off) Wed 6
            2027-03-04       | 10:00 | 5    | 2027-03-19       | Lebaran 2027: Fri 5, then 8-15 off (Nyepi, cuti, Idul Fitri, cuti), Tue 16 to Fri 19
            2027-03-05       | 09:00 | 1    | 2027-03-16       | Fri 5 Mar 2027: the next working day is Tue 16
            2027-03-22       | 09:00 | 5    | 2027-03-31       | cuti Thu 25, Good Friday 26: Tue 23, Wed 24, Mon 29, Tue 30, Wed 31
            2027-05-14       | 09:00 | 5    | 2027-05-27       | Idul Adha Mon 17, cuti Tue 18 and Wed 19, Waisak Thu 20 off: Fri 21, Mon 24 to Thu 27
            """)
    void deadlinesSkipWeekendsHolidaysAndCollectiveLeave(LocalDate day, String time, int days, LocalDate lastDay,
            String why) {
        Instant from = LocalDateTime.of(day, LocalTime.parse(time)).atZone(WorkingDayCalendar.JAKARTA).toInstant();
        Instant due = calendar.deadline(from, days);
        // due at the end (midnight, Jakarta) of the last working day
        assertThat(due).as(why).isEqualTo(lastDay.plusDays(1).atStartOfDay(WorkingDayCalendar.JAKARTA).toInstant());
    }

    @Test
    void aMomentLateInTheUtcDayCountsOnItsJakartaDate() {
        // 2026-03-17T18:30Z is already Wednesday 18 March 01:30 in Jakarta (cuti bersama Nyepi)
        Instant due = calendar.deadline(Instant.parse("2026-03-17T18:30:00Z"), 1);
        assertThat(due).isEqualTo(Instant.parse("2026-03-25T17:00:00Z"));
        // while 16:59Z is still Tuesday 17 23:59 in Jakarta: the next working day is Wednesday 25 too
        assertThat(calendar.deadline(Instant.parse("2026-03-17T16:59:00Z"), 1)).isEqualTo(Instant.parse("2026-03-25T17:00:00Z"));
        // and 2026-03-13T17:30Z is Saturday 14 00:30: Monday 16 is the first working day
        assertThat(calendar.deadline(Instant.parse("2026-03-13T17:30:00Z"), 1)).isEqualTo(Instant.parse("2026-03-16T17:00:00Z"));
    }

    @Test
    void lebaranWeeksHaveTheWorkingDaysCountedByHand() {
        // 2026: 16-27 March has 10 weekdays, of which 18, 19, 20, 23, 24 are off: 5 working days
        assertThat(workingDays(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 27))).isEqualTo(5);
        // 2027: 8-19 March has 10 weekdays, of which 8, 9, 10, 11, 12, 15 are off: 4 working days
        assertThat(workingDays(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 19))).isEqualTo(4);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 25))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 24))).isFalse();
        assertThat(calendar.dayOff(LocalDate.of(2026, 3, 24)).orElseThrow().kind())
                .isEqualTo(WorkingDayCalendar.DayOff.Kind.COLLECTIVE_LEAVE);
        assertThat(calendar.dayOff(LocalDate.of(2026, 3, 21)).orElseThrow().nameEn()).isEqualTo("Eid al-Fitr");
    }

    @Test
    void theDataHoldsTheSkbCountsOfBothYears() {
        assertThat(calendar.coveredYears()).containsExactly(2026, 2027);
        assertThat(calendar.daysOff(2026)).filteredOn(d -> d.kind() == WorkingDayCalendar.DayOff.Kind.NATIONAL_HOLIDAY)
                .hasSize(17);
        assertThat(calendar.daysOff(2026)).filteredOn(d -> d.kind() == WorkingDayCalendar.DayOff.Kind.COLLECTIVE_LEAVE)
                .hasSize(8);
        assertThat(calendar.daysOff(2027)).filteredOn(d -> d.kind() == WorkingDayCalendar.DayOff.Kind.NATIONAL_HOLIDAY)
                .hasSize(18);
        assertThat(calendar.daysOff(2027)).filteredOn(d -> d.kind() == WorkingDayCalendar.DayOff.Kind.COLLECTIVE_LEAVE)
                .hasSize(8);
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnly() {
        // 2028 has no rows: Friday 29 Dec 2028 + 1 working day is Monday 1 Jan 2029 (New Year not known)
        assertThat(calendar.workingDaysAfter(LocalDate.of(2028, 12, 29), 1)).isEqualTo(LocalDate.of(2029, 1, 1));
    }

    @Test
    void ageCountsWorkingDaysSinceTheDayOfSubmission() {
        Instant friday = LocalDateTime.of(2026, 3, 13, 10, 0).atZone(WorkingDayCalendar.JAKARTA).toInstant();
        Instant wednesdayAfterLebaran = LocalDateTime.of(2026, 3, 25, 9, 0).atZone(WorkingDayCalendar.JAKARTA).toInstant();
        assertThat(calendar.workingDaysBetween(friday, wednesdayAfterLebaran)).isEqualTo(3); // 16, 17, 25
        assertThat(calendar.workingDaysBetween(friday, friday)).isZero();
    }

    @Test
    void aDayListedTwiceOrAMalformedLineIsRefused() {
        assertThatThrownBy(() -> new WorkingDayCalendar(WorkingDayCalendar.parse(new BufferedReader(new StringReader("""
                2026-01-01,NATIONAL_HOLIDAY,Tahun Baru,New Year
                2026-01-01,COLLECTIVE_LEAVE,Cuti,Leave
                """))))).hasMessageContaining("twice");
        assertThatThrownBy(() -> WorkingDayCalendar.parse(new BufferedReader(new StringReader("2026-01-01,NATIONAL_HOLIDAY\n"))))
                .hasMessageContaining("line 1");
    }

    private int workingDays(LocalDate first, LocalDate last) {
        int count = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
