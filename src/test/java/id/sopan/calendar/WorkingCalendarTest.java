package id.sopan.calendar;

import id.sopan.sop.StandardTime;
import id.sopan.sop.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Working time on a small fixed calendar: the default week (Mon–Thu 07:30–12:00, 13:00–16:00; Fri 07:30–11:30,
 * 13:00–16:30; 450 office minutes a day), WIB, 330 effective minutes per working day — so 15 clock minutes of office
 * time are 11 effective minutes — and three holidays: 17 Aug 2026 (Mon), 1 Jan 2027 (Fri), 18 Mar 2026 (Wed).
 */
class WorkingCalendarTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final WorkingCalendar CALENDAR = WorkingCalendar.standard().withHolidays(List.of(
            new Holiday(LocalDate.of(2026, 8, 17), "Proklamasi Kemerdekaan", Holiday.Kind.NATIONAL_HOLIDAY),
            new Holiday(LocalDate.of(2027, 1, 1), "Tahun Baru 2027 Masehi", Holiday.Kind.NATIONAL_HOLIDAY),
            new Holiday(LocalDate.of(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi", Holiday.Kind.CUTI_BERSAMA)));

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    static StandardTime minutes(int n) {
        return StandardTime.minutes(n, n + " menit");
    }

    static Instant due(String start, int minutes) {
        return CALENDAR.deadline(at(start), minutes(minutes));
    }

    @Nested
    class Defaults {
        @Test
        void theDefaultWeekAndRule() {
            WorkingCalendar c = WorkingCalendar.standard();
            assertThat(c.zone()).isEqualTo(WIB);
            assertThat(c.minutesPerWorkingDay()).isEqualTo(330);
            assertThat(c.officeHours(DayOfWeek.MONDAY)).containsExactly(
                    OfficePeriod.parse("07:30-12:00"), OfficePeriod.parse("13:00-16:00"));
            assertThat(c.officeHours(DayOfWeek.THURSDAY)).isEqualTo(c.officeHours(DayOfWeek.MONDAY));
            assertThat(c.officeHours(DayOfWeek.FRIDAY)).containsExactly(
                    OfficePeriod.parse("07:30-11:30"), OfficePeriod.parse("13:00-16:30"));
            assertThat(c.officeHours(DayOfWeek.SATURDAY)).isEmpty();
            assertThat(c.officeHours(DayOfWeek.SUNDAY)).isEmpty();
            assertThat(c.holidays()).isEmpty();
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
                assertThat(c.officeHours(d).stream().map(OfficePeriod::length).reduce(Duration.ZERO, Duration::plus))
                        .isEqualTo(Duration.ofMinutes(450));
            }
        }

        @Test
        void invalidCalendarsAreRefusedWithTheReason() {
            assertThatThrownBy(() -> WorkingCalendar.standard().withMinutesPerWorkingDay(30))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minutesPerWorkingDay");
            assertThatThrownBy(() -> WorkingCalendar.standard().withMinutesPerWorkingDay(1441))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minutesPerWorkingDay");
            assertThatThrownBy(() -> WorkingCalendar.standard().withOfficeHours(DayOfWeek.MONDAY,
                    List.of(OfficePeriod.parse("07:30-12:00"), OfficePeriod.parse("11:00-16:00"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
            assertThatThrownBy(() -> WorkingCalendar.of(WIB, Map.of(), List.of(), 330))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no office hours");
            assertThatThrownBy(() -> OfficePeriod.parse("16:00-07:30"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
            LocalDate day = LocalDate.of(2026, 8, 17);
            assertThatThrownBy(() -> WorkingCalendar.standard().withHolidays(List.of(
                    new Holiday(day, "A", Holiday.Kind.LOCAL), new Holiday(day, "B", Holiday.Kind.LOCAL))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-08-17");
            assertThatThrownBy(() -> new Holiday(day, " ", Holiday.Kind.LOCAL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        }
    }

    @Nested
    class Deadlines {
        @Test
        void threeHundredThirtyMinutesFromOpeningIsThatDaysClosing() {
            // 2 Mar 2026 is a Monday.
            assertThat(due("2026-03-02T07:30", 330)).isEqualTo(at("2026-03-02T16:00"));
            assertThat(due("2026-03-02T07:30", 660)).isEqualTo(at("2026-03-03T16:00"));
            // Friday closes later: 330 minutes still fill exactly the day.
            assertThat(due("2026-03-06T07:30", 330)).isEqualTo(at("2026-03-06T16:30"));
        }

        @Test
        void aWaktuOfSeveralDaysSpansThem() {
            // 1320 minutes = 4 working days: Monday's opening to Thursday's closing.
            assertThat(due("2026-03-02T07:30", 1320)).isEqualTo(at("2026-03-05T16:00"));
            // From Monday noon: 132 effective minutes on Monday afternoon, Tuesday to Thursday (990), and the last 198
            // on Friday: 270 of its 450 office minutes, i.e. the 240-minute morning and 30 minutes after the break.
            assertThat(due("2026-03-02T12:00", 1320)).isEqualTo(at("2026-03-06T13:30"));
            // Monday noon + one day's minutes is Tuesday noon: the same share of the next day's office time.
            assertThat(due("2026-03-02T12:00", 330)).isEqualTo(at("2026-03-03T12:00"));
        }

        @Test
        void weekendsAreSkipped() {
            // Friday 15:30: 60 clock minutes (44 effective) to 16:30; the other 11 are Monday's first 15 clock minutes.
            assertThat(due("2026-03-06T15:30", 55)).isEqualTo(at("2026-03-09T07:45"));
        }

        @Test
        void holidaysAreSkipped() {
            // Friday 14 Aug 2026 at closing; Monday 17 Aug is Proklamasi Kemerdekaan.
            assertThat(due("2026-08-14T16:30", 11)).isEqualTo(at("2026-08-18T07:45"));
            // A cuti bersama on a Wednesday.
            assertThat(due("2026-03-17T07:30", 660)).isEqualTo(at("2026-03-19T16:00"));
        }

        @Test
        void aBreakDoesNotCount() {
            // 11:50 + 30 effective minutes = 40 min 54.5 s of office time: 10 before the break, the rest after 13:00.
            assertThat(due("2026-03-02T11:50", 30)).isEqualTo(at("2026-03-02T13:30:55"));
            // Exactly up to the break: the step is due when the break starts, not after it.
            assertThat(due("2026-03-02T11:45", 11)).isEqualTo(at("2026-03-02T12:00"));
        }

        @Test
        void fridayHasItsOwnHours() {
            // Friday's break starts at 11:30: 10 clock minutes before it, 5 after 13:00.
            assertThat(due("2026-03-06T11:20", 11)).isEqualTo(at("2026-03-06T13:05"));
            // On a Thursday the same start is still in the morning period.
            assertThat(due("2026-03-05T11:20", 11)).isEqualTo(at("2026-03-05T11:35"));
            // Friday closes at 16:30: 16:15 still has 15 clock minutes (11 effective) left.
            assertThat(due("2026-03-06T16:15", 11)).isEqualTo(at("2026-03-06T16:30"));
            assertThat(due("2026-03-05T16:15", 11)).isEqualTo(at("2026-03-06T07:45"));
        }

        @Test
        void aStartOutsideOfficeHoursCountsFromTheNextOpening() {
            assertThat(due("2026-03-02T06:00", 11)).isEqualTo(at("2026-03-02T07:45"));
            assertThat(due("2026-03-02T17:00", 11)).isEqualTo(at("2026-03-03T07:45"));
            assertThat(due("2026-03-02T12:20", 11)).isEqualTo(at("2026-03-02T13:15"));
            assertThat(due("2026-03-07T10:00", 11)).isEqualTo(at("2026-03-09T07:45"));
            assertThat(due("2026-03-02T16:00", 330)).isEqualTo(at("2026-03-03T16:00"));
        }

        @Test
        void theYearChangesOverANewYearHoliday() {
            // Thursday 31 Dec 2026 15:45: 11 effective minutes to closing; 1 Jan 2027 (Fri) is a holiday,
            // then the weekend: the rest falls on Monday 4 Jan 2027.
            assertThat(due("2026-12-31T15:45", 22)).isEqualTo(at("2027-01-04T07:45"));
        }

        @Test
        void workingDaysAreMinutesPerWorkingDayEach() {
            StandardTime twoDays = new StandardTime(2, TimeUnit.WORKING_DAYS, "2 hari");
            // Wednesday 10:00 → 220 effective minutes left on Wednesday, 330 on Thursday, 110 on Friday (150 clock minutes).
            assertThat(CALENDAR.deadline(at("2026-03-04T10:00"), twoDays)).isEqualTo(at("2026-03-06T10:00"))
                    .isEqualTo(due("2026-03-04T10:00", 660));
            assertThat(CALENDAR.withMinutesPerWorkingDay(450).deadline(at("2026-03-04T10:00"), twoDays))
                    .isEqualTo(at("2026-03-06T10:00"));
        }

        @Test
        void aCalendarMonthIsCountedOnTheCalendarThenRolledToWorkingTime() {
            StandardTime month = new StandardTime(1, TimeUnit.CALENDAR_MONTHS, "1 bulan");
            // 31 Jan 2025 (Fri) + 1 month = 28 Feb 2025 (Fri) 10:00: working time, kept.
            assertThat(CALENDAR.deadline(at("2025-01-31T10:00"), month)).isEqualTo(at("2025-02-28T10:00"));
            // 31 Jan 2026 (Sat) + 1 month = 28 Feb 2026, a Saturday: rolled to Monday's opening.
            assertThat(CALENDAR.deadline(at("2026-01-31T10:00"), month)).isEqualTo(at("2026-03-02T07:30"));
            // Into the break: rolled to its end.
            assertThat(CALENDAR.deadline(at("2026-03-31T12:30"), month)).isEqualTo(at("2026-04-30T13:00"));
            // Onto a holiday: 17 Jul 2026 + 1 month = Monday 17 Aug 2026.
            assertThat(CALENDAR.deadline(at("2026-07-17T09:00"), month)).isEqualTo(at("2026-08-18T07:30"));
            assertThat(CALENDAR.deadline(at("2026-01-15T09:00"), new StandardTime(12, TimeUnit.CALENDAR_MONTHS, "12 bulan")))
                    .isEqualTo(at("2027-01-15T09:00"));
        }

        @Test
        void anUnknownTimeHasNoDeadline() {
            assertThatThrownBy(() -> CALENDAR.deadline(at("2026-03-02T07:30"), StandardTime.unknown("-")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("UNKNOWN").hasMessageContaining("no deadline");
            assertThatThrownBy(() -> CALENDAR.deadline(at("2026-03-02T07:30"), minutes(-5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        }

        @Test
        void zeroMinutesAreDueAtTheNextWorkingMoment() {
            assertThat(due("2026-03-02T10:00", 0)).isEqualTo(at("2026-03-02T10:00"));
            assertThat(due("2026-03-02T12:10", 0)).isEqualTo(at("2026-03-02T13:00"));
        }

        @Test
        void minutesPerWorkingDayIsConfigurable() {
            WorkingCalendar fullDays = CALENDAR.withMinutesPerWorkingDay(450);
            // With 450 effective minutes a day, effective time is clock time inside office hours.
            assertThat(fullDays.deadline(at("2026-03-02T07:30"), minutes(60))).isEqualTo(at("2026-03-02T08:30"));
            assertThat(fullDays.deadline(at("2026-03-02T07:30"), minutes(450))).isEqualTo(at("2026-03-02T16:00"));
            // With 330, 60 minutes take 81 min 49.1 s of office time; 450 minutes spill into the next day.
            assertThat(due("2026-03-02T07:30", 60)).isEqualTo(at("2026-03-02T08:51:50"));
            assertThat(due("2026-03-02T07:30", 450)).isEqualTo(at("2026-03-03T10:13:39"));
        }

        @Test
        void deadlinesArePreciseToTheSecondAndRoundedUp() {
            Instant start = at("2026-03-02T09:00").plusNanos(250_000_000);
            Instant due = CALENDAR.deadline(start, minutes(11));
            assertThat(due).isEqualTo(at("2026-03-02T09:15:01"));
            assertThat(due.getNano()).isZero();
        }

        @Test
        void longSpansAreExactAndFast() {
            Instant start = at("2026-03-02T07:30");
            // 3300 working days = 10 calendars' worth of 330-minute days, ~13 years.
            Instant due = CALENDAR.deadline(start, new StandardTime(3300, TimeUnit.WORKING_DAYS, "3300 hari"));
            assertThat(LocalDateTime.ofInstant(due, WIB).toLocalTime().toString()).isIn("16:00", "16:30");
            assertThat(CALENDAR.workingMinutesBetween(start, due)).isEqualTo(3300L * 330);
            assertThat(CALENDAR.isWorkingDay(LocalDateTime.ofInstant(due, WIB).toLocalDate())).isTrue();
        }
    }

    @Nested
    class Elapsed {
        @Test
        void workingMinutesBetweenCountsEffectiveOfficeTime() {
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T07:30"), at("2026-03-02T16:00"))).isEqualTo(330);
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T00:00"), at("2026-03-04T00:00"))).isEqualTo(660);
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-06T15:30"), at("2026-03-09T07:45"))).isEqualTo(55);
            assertThat(CALENDAR.workingMinutesBetween(at("2026-08-14T16:30"), at("2026-08-18T07:45"))).isEqualTo(11);
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T12:00"), at("2026-03-02T13:00"))).isZero();
            // A whole week: five working days.
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-01T00:00"), at("2026-03-08T00:00"))).isEqualTo(5 * 330);
            // Floors: 14 clock minutes are 10.27 effective minutes.
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T08:00"), at("2026-03-02T08:14"))).isEqualTo(10);
        }

        @Test
        void nothingElapsesBackwardsOrOnClosedDays() {
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T10:00"), at("2026-03-02T09:00"))).isZero();
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-02T10:00"), at("2026-03-02T10:00"))).isZero();
            assertThat(CALENDAR.workingMinutesBetween(at("2026-03-07T08:00"), at("2026-03-08T15:00"))).isZero();
            assertThat(CALENDAR.workingMinutesBetween(at("2026-08-17T08:00"), at("2026-08-17T15:00"))).isZero();
        }

        @Test
        void aYearHasItsWorkingDaysTimesThreeHundredThirty() {
            // 2026 has 261 weekdays; of the three holidays, 17 Aug and 18 Mar 2026 fall on weekdays.
            assertThat(CALENDAR.workingMinutesBetween(at("2026-01-01T00:00"), at("2027-01-01T00:00")))
                    .isEqualTo(259L * 330);
            assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2027, 1, 1))).isEqualTo(259);
        }

        @Test
        void workingMinutesBetweenIsTheInverseOfDeadline() {
            Random random = new Random(20260817L);
            Instant base = at("2025-12-01T00:00");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                Instant start = base.plusSeconds(random.nextInt(500 * 24 * 3600));
                if (i % 4 == 0) {
                    start = start.plusNanos(random.nextInt(1_000_000_000));
                }
                int amount = switch (i % 3) {
                    case 0 -> random.nextInt(60);
                    case 1 -> random.nextInt(2000);
                    default -> random.nextInt(50_000);
                };
                WorkingCalendar calendar = i % 5 == 0 ? CALENDAR.withMinutesPerWorkingDay(60 + random.nextInt(1381))
                        : CALENDAR;
                Instant due = calendar.deadline(start, minutes(amount));
                long back = calendar.workingMinutesBetween(start, due);
                if (back != amount || due.isBefore(start) || due.getNano() != 0) {
                    failures.add(start + " + " + amount + " (" + calendar.minutesPerWorkingDay() + "/day) -> " + due
                            + " -> " + back);
                }
                // The deadline is the earliest whole second: one second earlier the time has not elapsed yet.
                if (amount > 0 && calendar.workingMinutesBetween(start, due.minusSeconds(1)) >= amount) {
                    failures.add("not the earliest second: " + start + " + " + amount + " -> " + due);
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    @Nested
    class WorkingMoments {
        @Test
        void isWorkingTimeFollowsTheOfficePeriods() {
            assertThat(CALENDAR.isWorkingTime(at("2026-03-02T07:30"))).isTrue();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-02T07:29:59"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-02T11:59:59"))).isTrue();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-02T12:00"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-02T16:00"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-06T11:45"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-06T16:15"))).isTrue();
            assertThat(CALENDAR.isWorkingTime(at("2026-03-07T10:00"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(at("2026-08-17T10:00"))).isFalse();
        }

        @Test
        void nextWorkingMomentIsTheNextOpening() {
            assertThat(CALENDAR.nextWorkingMoment(at("2026-03-02T10:00"))).isEqualTo(at("2026-03-02T10:00"));
            assertThat(CALENDAR.nextWorkingMoment(at("2026-03-02T05:00"))).isEqualTo(at("2026-03-02T07:30"));
            assertThat(CALENDAR.nextWorkingMoment(at("2026-03-02T12:00"))).isEqualTo(at("2026-03-02T13:00"));
            assertThat(CALENDAR.nextWorkingMoment(at("2026-03-06T16:30"))).isEqualTo(at("2026-03-09T07:30"));
            assertThat(CALENDAR.nextWorkingMoment(at("2026-08-14T17:00"))).isEqualTo(at("2026-08-18T07:30"));
            assertThat(CALENDAR.nextWorkingMoment(at("2026-12-31T16:00"))).isEqualTo(at("2027-01-04T07:30"));
        }

        @Test
        void theCalendarKeepsItsHolidays() {
            assertThat(CALENDAR.holiday(LocalDate.of(2026, 8, 17))).map(Holiday::kind)
                    .contains(Holiday.Kind.NATIONAL_HOLIDAY);
            assertThat(CALENDAR.holidays()).extracting(Holiday::date).isSorted().hasSize(3);
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 8, 17))).isFalse();
            assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 8, 18))).isTrue();
            assertThat(CALENDAR.withHolidays(List.of())).isEqualTo(WorkingCalendar.standard());
        }
    }
}
