package id.sopan.calendar;

import id.sopan.sop.StandardTime;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An office's working time: when it works, and how a step's Waktu (Mutu Baku) becomes a deadline.
 * Immutable; every method is a pure function of its arguments and this calendar.
 *
 * <h2>What it holds</h2>
 * <ul>
 *   <li>a <b>zone</b>, by default {@code Asia/Jakarta} (WIB);</li>
 *   <li>a <b>weekly schedule</b>: per weekday the office periods, breaks removed. The default ({@link #defaultWeek()})
 *       is the usual five-day week of a Pemda office:
 *       Monday–Thursday 07:30–12:00 and 13:00–16:00, Friday 07:30–11:30 and 13:00–16:30 (the longer Friday break
 *       is for Friday prayer), Saturday and Sunday closed. Both kinds of day hold 450 office minutes.</li>
 *   <li><b>non-working dates</b> ({@link Holiday}): hari libur nasional, cuti bersama and local closures;</li>
 *   <li>{@link #minutesPerWorkingDay()}: the effective working minutes of one working day, by default
 *       {@value #DEFAULT_MINUTES_PER_WORKING_DAY}.</li>
 * </ul>
 *
 * <h2>The 330-minute rule</h2>
 * SOP AP tables count Waktu in working minutes and plan with 330 <i>effective</i> minutes per working day (the seed's
 * times repeat 330, 660, 990, 1320 for one to four days), although the office is open longer than that. So a full
 * working day's office periods hold exactly {@code minutesPerWorkingDay} effective minutes, spread evenly over that
 * day's office time: a day with 450 office minutes advances 330/450 effective minutes per clock minute, a day with
 * fewer office minutes advances faster. Consequences: a 330-minute step started at a day's opening is due at that
 * day's closing; 660 minutes at the next working day's closing; a step started at noon on Monday with 330 minutes
 * is due at noon-equivalent on Tuesday (the same share of the next day's office time).
 *
 * <h2>Deadlines</h2>
 * <ul>
 *   <li>{@code WORKING_MINUTES n}: n effective minutes, counted only inside office periods of working days (weekends,
 *       holidays, breaks and time outside office hours do not count; a start outside office hours counts from the
 *       next opening);</li>
 *   <li>{@code WORKING_DAYS n}: the same as {@code n × minutesPerWorkingDay} working minutes;</li>
 *   <li>{@code CALENDAR_MONTHS n}: the start plus n calendar months in the zone (the 31st becomes the month's last
 *       day), then the next working moment if that falls outside working time;</li>
 *   <li>{@code UNKNOWN}: no deadline; {@link #deadline} throws and the caller decides.</li>
 * </ul>
 * Deadlines are exact (integer arithmetic, no floating point) and rounded up to the whole second: the earliest whole
 * second at which the time has fully elapsed. {@link #workingMinutesBetween} is the inverse: it floors to whole
 * minutes, so {@code workingMinutesBetween(s, deadline(s, n minutes)) == n} (this holds whenever a day's office time
 * is at least {@code minutesPerWorkingDay / 60} minutes, i.e. always in practice). Long spans jump whole days and
 * weeks; nothing loops minute by minute.
 *
 * <p>Office periods are wall-clock times in the zone; in a zone with daylight saving a period that spans the change
 * counts by the wall clock (Indonesia has none).
 */
public final class WorkingCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");
    public static final int DEFAULT_MINUTES_PER_WORKING_DAY = 330;
    public static final int MIN_MINUTES_PER_WORKING_DAY = 60;
    public static final int MAX_MINUTES_PER_WORKING_DAY = 1440;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BigInteger NANOS_PER_MINUTE = BigInteger.valueOf(60 * NANOS_PER_SECOND);

    private static final Map<DayOfWeek, List<OfficePeriod>> DEFAULT_WEEK = defaultWeekMap();

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OfficePeriod>> week;
    private final NavigableMap<LocalDate, Holiday> holidays;
    private final int minutesPerWorkingDay;
    /** Office nanos per weekday (index {@code getValue() - 1}); 0 when closed. */
    private final long[] officeNanos = new long[7];
    private final int officeWeekdays;
    /** Effective nanos of one full working day. */
    private final BigInteger effectivePerDay;

    private WorkingCalendar(ZoneId zone, Map<DayOfWeek, List<OfficePeriod>> week, Collection<Holiday> holidays,
                            int minutesPerWorkingDay) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.week = copyWeek(week);
        this.holidays = copyHolidays(holidays);
        if (minutesPerWorkingDay < MIN_MINUTES_PER_WORKING_DAY || minutesPerWorkingDay > MAX_MINUTES_PER_WORKING_DAY) {
            throw new IllegalArgumentException("minutesPerWorkingDay must be between " + MIN_MINUTES_PER_WORKING_DAY
                    + " and " + MAX_MINUTES_PER_WORKING_DAY + ", was " + minutesPerWorkingDay);
        }
        this.minutesPerWorkingDay = minutesPerWorkingDay;
        int open = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            long nanos = 0;
            for (OfficePeriod p : this.week.get(day)) {
                nanos += p.length().toNanos();
            }
            officeNanos[day.getValue() - 1] = nanos;
            if (nanos > 0) {
                open++;
            }
        }
        if (open == 0) {
            throw new IllegalArgumentException("the weekly schedule has no office hours on any day");
        }
        this.officeWeekdays = open;
        this.effectivePerDay = BigInteger.valueOf(minutesPerWorkingDay).multiply(NANOS_PER_MINUTE);
    }

    /** The defaults: WIB, {@link #defaultWeek()}, no holidays, 330 minutes per working day. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(DEFAULT_ZONE, DEFAULT_WEEK, List.of(), DEFAULT_MINUTES_PER_WORKING_DAY);
    }

    /**
     * A calendar with everything given.
     *
     * @param week per weekday its office periods; a missing or empty weekday is closed
     * @throws IllegalArgumentException when periods overlap, no weekday has office hours, two holidays share a date
     *                                  or minutesPerWorkingDay is outside 60..1440
     */
    public static WorkingCalendar of(ZoneId zone, Map<DayOfWeek, List<OfficePeriod>> week,
                                     Collection<Holiday> holidays, int minutesPerWorkingDay) {
        return new WorkingCalendar(zone, week, holidays, minutesPerWorkingDay);
    }

    /** Monday–Thursday 07:30–12:00 and 13:00–16:00; Friday 07:30–11:30 and 13:00–16:30; weekend closed. */
    public static Map<DayOfWeek, List<OfficePeriod>> defaultWeek() {
        return DEFAULT_WEEK;
    }

    public WorkingCalendar withZone(ZoneId newZone) {
        return new WorkingCalendar(newZone, week, holidays.values(), minutesPerWorkingDay);
    }

    public WorkingCalendar withHolidays(Collection<Holiday> newHolidays) {
        return new WorkingCalendar(zone, week, newHolidays, minutesPerWorkingDay);
    }

    public WorkingCalendar withMinutesPerWorkingDay(int minutes) {
        return new WorkingCalendar(zone, week, holidays.values(), minutes);
    }

    /** This calendar with one weekday's office periods replaced (an empty list closes the day). */
    public WorkingCalendar withOfficeHours(DayOfWeek day, List<OfficePeriod> periods) {
        Map<DayOfWeek, List<OfficePeriod>> changed = new EnumMap<>(week);
        changed.put(day, periods);
        return new WorkingCalendar(zone, changed, holidays.values(), minutesPerWorkingDay);
    }

    public ZoneId zone() {
        return zone;
    }

    public int minutesPerWorkingDay() {
        return minutesPerWorkingDay;
    }

    /** The whole weekly schedule; every weekday is a key (closed days map to an empty list). */
    public Map<DayOfWeek, List<OfficePeriod>> week() {
        return week;
    }

    public List<OfficePeriod> officeHours(DayOfWeek day) {
        return week.get(day);
    }

    /** The non-working dates, ordered by date. */
    public List<Holiday> holidays() {
        return List.copyOf(holidays.values());
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** Whether the office works on that date at all: a weekday with office hours that is no holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return officeNanos(date) > 0;
    }

    /** Whether the office is working at that moment: inside an office period of a working day. */
    public boolean isWorkingTime(Instant moment) {
        LocalDateTime local = local(moment);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return week.get(local.getDayOfWeek()).stream().anyMatch(p -> p.contains(time));
    }

    /** The moment itself when it is working time, else the next opening of an office period. */
    public Instant nextWorkingMoment(Instant moment) {
        if (isWorkingTime(moment)) {
            return moment;
        }
        LocalDateTime local = local(moment);
        LocalDate date = local.toLocalDate();
        if (isWorkingDay(date)) {
            for (OfficePeriod p : week.get(date.getDayOfWeek())) {
                if (p.opens().isAfter(local.toLocalTime())) {
                    return instant(date, p.opens());
                }
            }
        }
        LocalDate next = nthWorkingDayAfter(date, 1);
        return instant(next, week.get(next.getDayOfWeek()).get(0).opens());
    }

    /**
     * When a step with this Waktu, started at {@code start}, is due (see the class comment for the rules).
     *
     * @throws IllegalArgumentException when the time is UNKNOWN or its amount is negative
     */
    public Instant deadline(Instant start, StandardTime time) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(time, "time");
        if (time.amount() < 0) {
            throw new IllegalArgumentException("a standard time cannot be negative: " + time.display());
        }
        return switch (time.unit()) {
            case WORKING_MINUTES -> plusWorkingMinutes(start, time.amount());
            case WORKING_DAYS -> plusWorkingMinutes(start, (long) time.amount() * minutesPerWorkingDay);
            case CALENDAR_MONTHS -> nextWorkingMoment(ceilToSecond(
                    start.atZone(zone).plusMonths(time.amount()).toInstant()));
            case UNKNOWN -> throw new IllegalArgumentException("the standard time is UNKNOWN"
                    + (time.text() == null || time.text().isBlank() ? "" : " (\"" + time.text() + "\")")
                    + ": a step without a usable Waktu has no deadline");
        };
    }

    /**
     * The moment {@code minutes} effective working minutes after {@code start}, rounded up to the whole second.
     * Zero minutes give the next working moment.
     */
    public Instant plusWorkingMinutes(Instant start, long minutes) {
        Objects.requireNonNull(start, "start");
        if (minutes < 0) {
            throw new IllegalArgumentException("working minutes cannot be negative: " + minutes);
        }
        if (minutes == 0) {
            return ceilToSecond(nextWorkingMoment(start));
        }
        BigInteger remaining = BigInteger.valueOf(minutes).multiply(NANOS_PER_MINUTE);
        LocalDateTime local = local(start);
        LocalDate day = local.toLocalDate();
        // remaining / denominator = the effective nanos still to go once the start day is used up.
        BigInteger scaled = remaining;
        BigInteger denominator = BigInteger.ONE;
        long firstDay = officeNanos(day);
        if (firstDay > 0) {
            long before = officeNanosBefore(day, local.toLocalTime());
            BigInteger s = BigInteger.valueOf(firstDay);
            BigInteger need = remaining.multiply(s);
            BigInteger have = BigInteger.valueOf(firstDay - before).multiply(effectivePerDay);
            if (need.compareTo(have) <= 0) {
                long office = ceilDiv(need, effectivePerDay).longValueExact();
                return at(day, before + office);
            }
            scaled = need.subtract(have);
            denominator = s;
        }
        // Whole working days used up before the last day, which then takes the rest (0 < rest <= one day).
        BigInteger perDay = effectivePerDay.multiply(denominator);
        BigInteger[] split = scaled.subtract(BigInteger.ONE).divideAndRemainder(perDay);
        long wholeDays = split[0].longValueExact();
        BigInteger rest = split[1].add(BigInteger.ONE);
        LocalDate last = nthWorkingDayAfter(day, wholeDays + 1);
        BigInteger lastDay = BigInteger.valueOf(officeNanos(last));
        long office = ceilDiv(rest.multiply(lastDay), perDay).longValueExact();
        return at(last, office);
    }

    /**
     * The effective working minutes between two moments (the inverse of {@link #deadline}): office time of working
     * days only, each day weighted as in the class comment, floored to whole minutes; 0 when {@code to <= from}.
     */
    public long workingMinutesBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime a = local(from);
        LocalDateTime b = local(to);
        LocalDate first = a.toLocalDate();
        LocalDate last = b.toLocalDate();
        long s1 = officeNanos(first);
        if (first.equals(last)) {
            if (s1 == 0) {
                return 0;
            }
            long office = officeNanosBefore(first, b.toLocalTime()) - officeNanosBefore(first, a.toLocalTime());
            return floorMinutes(BigInteger.valueOf(office).multiply(effectivePerDay), BigInteger.valueOf(s1));
        }
        long sk = officeNanos(last);
        long x1 = s1 == 0 ? 0 : s1 - officeNanosBefore(first, a.toLocalTime());
        long xk = sk == 0 ? 0 : officeNanosBefore(last, b.toLocalTime());
        BigInteger d1 = BigInteger.valueOf(s1 == 0 ? 1 : s1);
        BigInteger dk = BigInteger.valueOf(sk == 0 ? 1 : sk);
        BigInteger between = BigInteger.valueOf(workingDaysBetween(first, last));
        // x1·E/s1 + xk·E/sk + between·E, over the common denominator s1·sk.
        BigInteger numerator = BigInteger.valueOf(x1).multiply(dk)
                .add(BigInteger.valueOf(xk).multiply(d1))
                .add(between.multiply(d1).multiply(dk))
                .multiply(effectivePerDay);
        return floorMinutes(numerator, d1.multiply(dk));
    }

    /** Working days strictly between two dates. */
    public long workingDaysBetween(LocalDate after, LocalDate before) {
        long days = ChronoUnit.DAYS.between(after, before) - 1;
        if (days <= 0) {
            return 0;
        }
        long count = (days / 7) * officeWeekdays;
        LocalDate d = after.plusDays(1 + (days / 7) * 7);
        for (long i = 0; i < days % 7; i++, d = d.plusDays(1)) {
            if (officeNanos[d.getDayOfWeek().getValue() - 1] > 0) {
                count++;
            }
        }
        for (LocalDate h : holidays.subMap(after, false, before, false).keySet()) {
            if (officeNanos[h.getDayOfWeek().getValue() - 1] > 0) {
                count--;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------------------------------------------------

    private LocalDateTime local(Instant moment) {
        return LocalDateTime.ofInstant(moment, zone);
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /** Office nanos of that date: 0 on a closed weekday or a holiday. */
    private long officeNanos(LocalDate date) {
        long nanos = officeNanos[date.getDayOfWeek().getValue() - 1];
        return nanos == 0 || holidays.containsKey(date) ? 0 : nanos;
    }

    /** Office nanos of the date's periods before that time of day. */
    private long officeNanosBefore(LocalDate date, LocalTime time) {
        long t = time.toNanoOfDay();
        long sum = 0;
        for (OfficePeriod p : week.get(date.getDayOfWeek())) {
            long opens = p.opens().toNanoOfDay();
            long closes = p.closes().toNanoOfDay();
            sum += Math.max(0, Math.min(t, closes) - opens);
        }
        return sum;
    }

    /** The moment after {@code office} nanos (0 < office <= the day's office time) of the date's office time. */
    private Instant at(LocalDate date, long office) {
        long left = office;
        List<OfficePeriod> periods = week.get(date.getDayOfWeek());
        for (OfficePeriod p : periods) {
            long length = p.length().toNanos();
            if (left <= length) {
                return ceilToSecond(instant(date, LocalTime.ofNanoOfDay(p.opens().toNanoOfDay() + left)));
            }
            left -= length;
        }
        throw new IllegalStateException("office time " + office + " ns is beyond " + date + "'s office hours");
    }

    /** The n-th working day after the date (n >= 1); whole weeks without holidays are jumped at once. */
    private LocalDate nthWorkingDayAfter(LocalDate date, long n) {
        LocalDate d = date;
        long left = n;
        while (left > officeWeekdays) {
            LocalDate weekLater = d.plusDays(7);
            if (holidays.subMap(d, false, weekLater, true).isEmpty()) {
                d = weekLater;
                left -= officeWeekdays;
            } else {
                d = d.plusDays(1);
                if (isWorkingDay(d)) {
                    left--;
                }
            }
        }
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    private static long floorMinutes(BigInteger effectiveNumerator, BigInteger denominator) {
        return effectiveNumerator.divide(denominator.multiply(NANOS_PER_MINUTE)).longValueExact();
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    private static Instant ceilToSecond(Instant moment) {
        return moment.getNano() == 0 ? moment : moment.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    private static Map<DayOfWeek, List<OfficePeriod>> copyWeek(Map<DayOfWeek, List<OfficePeriod>> week) {
        Objects.requireNonNull(week, "week");
        EnumMap<DayOfWeek, List<OfficePeriod>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OfficePeriod> periods = new ArrayList<>(week.getOrDefault(day, List.of()));
            periods.forEach(p -> Objects.requireNonNull(p, "office period"));
            periods.sort(Comparator.comparing(OfficePeriod::opens));
            for (int i = 1; i < periods.size(); i++) {
                if (periods.get(i).opens().isBefore(periods.get(i - 1).closes())) {
                    throw new IllegalArgumentException("office hours of " + day + ": " + periods.get(i - 1)
                            + " and " + periods.get(i) + " overlap");
                }
            }
            copy.put(day, List.copyOf(periods));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static NavigableMap<LocalDate, Holiday> copyHolidays(Collection<Holiday> holidays) {
        Objects.requireNonNull(holidays, "holidays");
        TreeMap<LocalDate, Holiday> copy = new TreeMap<>();
        for (Holiday h : holidays) {
            Holiday previous = copy.put(Objects.requireNonNull(h, "holiday").date(), h);
            if (previous != null && !previous.equals(h)) {
                throw new IllegalArgumentException("two holidays on " + h.date() + ": \"" + previous.name()
                        + "\" and \"" + h.name() + "\"");
            }
        }
        return Collections.unmodifiableNavigableMap(copy);
    }

    private static Map<DayOfWeek, List<OfficePeriod>> defaultWeekMap() {
        List<OfficePeriod> monToThu = List.of(OfficePeriod.parse("07:30-12:00"), OfficePeriod.parse("13:00-16:00"));
        List<OfficePeriod> friday = List.of(OfficePeriod.parse("07:30-11:30"), OfficePeriod.parse("13:00-16:30"));
        EnumMap<DayOfWeek, List<OfficePeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, monToThu);
        }
        week.put(DayOfWeek.FRIDAY, friday);
        week.put(DayOfWeek.SATURDAY, List.of());
        week.put(DayOfWeek.SUNDAY, List.of());
        return Collections.unmodifiableMap(week);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar c && zone.equals(c.zone) && week.equals(c.week)
                && holidays.equals(c.holidays) && minutesPerWorkingDay == c.minutesPerWorkingDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, week, holidays, minutesPerWorkingDay);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", minutesPerWorkingDay=" + minutesPerWorkingDay + ", week=" + week
                + ", holidays=" + holidays.size() + "]";
    }
}
