package id.sopan.calendar;

import id.sopan.calendar.CalendarRepository.Hours;
import id.sopan.calendar.CalendarRepository.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each office's {@link WorkingCalendar}, stored per office and editable: its holidays (seeded per year from the
 * bundled {@code calendar/holidays-YYYY.yaml} files, then edited), its effective minutes per working day and its
 * weekly office hours. An office without stored settings uses the defaults of {@link WorkingCalendar#standard()}.
 * Calendars are cached per office and dropped from the cache on every change made through this service.
 */
@Service
public class CalendarService {

    /** Where the bundled holiday files are; one file per year. */
    static final String BUNDLED = "classpath*:calendar/holidays-*.yaml";

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final CalendarRepository calendars;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ConcurrentMap<String, WorkingCalendar> cache = new ConcurrentHashMap<>();
    /** Bumped on every change (rare), so that a calendar read before a change is never cached after it. */
    private long generation;
    private final Object cacheLock = new Object();
    private volatile List<HolidayFile> bundled;

    CalendarService(CalendarRepository calendars, Clock clock, PlatformTransactionManager transactions) {
        this.calendars = calendars;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * The office's calendar: its stored settings, office hours and holidays (all years), else the defaults.
     *
     * @throws NoSuchElementException when there is no office with that code
     */
    public WorkingCalendar calendarFor(String officeCode) {
        WorkingCalendar cached = cache.get(officeCode);
        if (cached != null) {
            return cached;
        }
        long before = generation();
        WorkingCalendar loaded = readTx.execute(s -> load(officeId(officeCode)));
        synchronized (cacheLock) {
            if (generation == before) {
                cache.putIfAbsent(officeCode, loaded);
            }
        }
        return loaded;
    }

    /**
     * Stores the holidays of every bundled year the office has not been seeded with yet. A year is seeded once:
     * running it again changes nothing, and holidays removed or changed afterwards stay so. Dates the office
     * already has (e.g. added by hand) are kept as they are.
     *
     * @return the years seeded now, ascending (empty when there was nothing to do)
     */
    public List<Integer> seedHolidays(String officeCode) {
        return seedHolidays(officeCode, bundledFiles());
    }

    List<Integer> seedHolidays(String officeCode, List<HolidayFile> files) {
        List<Integer> seeded = tx.execute(s -> {
            long officeId = lockOffice(officeCode);
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Integer> years = new ArrayList<>();
            for (HolidayFile file : files) {
                if (calendars.yearSeeded(officeId, file.year())) {
                    continue;
                }
                int added = 0;
                for (Holiday h : file.holidays()) {
                    if (!calendars.holidayExists(officeId, h.date())) {
                        calendars.insertHoliday(officeId, h, now);
                        added++;
                    }
                }
                calendars.markYearSeeded(officeId, file.year(), "holidays-" + file.year() + ".yaml", now);
                years.add(file.year());
                log.info("Holidays {} seeded for office {}: {} date(s) added", file.year(), officeCode, added);
                if (!file.uncertain().isEmpty()) {
                    log.warn("Holidays {} of office {}: {} date(s) are estimates to check against the decree: {}",
                            file.year(), officeCode, file.uncertain().size(), file.uncertain());
                }
            }
            return years;
        });
        if (!seeded.isEmpty()) {
            invalidate(officeCode);
        }
        return seeded;
    }

    /**
     * Adds a non-working date to the office's calendar, or replaces name and kind of the holiday on that date.
     *
     * @return true when the date was not a holiday before
     */
    public boolean addHoliday(String officeCode, LocalDate date, String name, Holiday.Kind kind) {
        Holiday holiday = new Holiday(date, name, kind);
        boolean added = tx.execute(s -> calendars.saveHoliday(lockOffice(officeCode), holiday,
                OffsetDateTime.now(clock)));
        invalidate(officeCode);
        return added;
    }

    /** @return true when the date was a holiday of the office and is a normal day now */
    public boolean removeHoliday(String officeCode, LocalDate date) {
        Objects.requireNonNull(date, "date");
        boolean removed = tx.execute(s -> calendars.deleteHoliday(lockOffice(officeCode), date));
        invalidate(officeCode);
        return removed;
    }

    /** The office's holidays in that year, ordered by date. */
    public List<Holiday> holidays(String officeCode, int year) {
        return readTx.execute(s -> calendars.holidays(officeId(officeCode), LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1)));
    }

    /**
     * Sets the effective working minutes of one working day (330 unless changed).
     *
     * @throws IllegalArgumentException naming {@code minutesPerWorkingDay} when outside 60..1440
     */
    public void setMinutesPerWorkingDay(String officeCode, int minutes) {
        if (minutes < WorkingCalendar.MIN_MINUTES_PER_WORKING_DAY || minutes > WorkingCalendar.MAX_MINUTES_PER_WORKING_DAY) {
            throw new IllegalArgumentException("minutesPerWorkingDay must be between "
                    + WorkingCalendar.MIN_MINUTES_PER_WORKING_DAY + " and " + WorkingCalendar.MAX_MINUTES_PER_WORKING_DAY
                    + " (minutes of one working day), was " + minutes);
        }
        tx.executeWithoutResult(s -> calendars.saveMinutes(lockOffice(officeCode), minutes,
                WorkingCalendar.DEFAULT_ZONE.getId(), OffsetDateTime.now(clock)));
        invalidate(officeCode);
    }

    /**
     * Sets one weekday's office periods (breaks are the gaps between them; an empty list closes the day). The first
     * change stores the whole default week, so the other days keep their hours.
     *
     * @throws IllegalArgumentException when periods overlap or the week would have no office hours at all
     */
    public void setOfficeHours(String officeCode, DayOfWeek weekday, List<OfficePeriod> periods) {
        Objects.requireNonNull(weekday, "weekday");
        List<OfficePeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(OfficePeriod::opens));
        tx.executeWithoutResult(s -> {
            long officeId = lockOffice(officeCode);
            WorkingCalendar current = load(officeId);
            // Validates the new week (overlaps, a week without office hours) before anything is written.
            current.withOfficeHours(weekday, sorted);
            if (calendars.officeHours(officeId).isEmpty()) {
                current.week().forEach((day, p) -> calendars.replaceOfficeHours(officeId, day, p));
            }
            calendars.replaceOfficeHours(officeId, weekday, sorted);
        });
        invalidate(officeCode);
    }

    /** Forgets every cached calendar: for changes made to the tables directly, not through this service. */
    public void evictCache() {
        synchronized (cacheLock) {
            generation++;
            cache.clear();
        }
    }

    /** The years of the bundled holiday files, ascending. */
    public List<Integer> bundledYears() {
        return bundledFiles().stream().map(HolidayFile::year).toList();
    }

    // ---------------------------------------------------------------------------------------------------------

    private WorkingCalendar load(long officeId) {
        WorkingCalendar calendar = WorkingCalendar.standard();
        Settings settings = calendars.settings(officeId).orElse(null);
        if (settings != null) {
            calendar = calendar.withMinutesPerWorkingDay(settings.minutesPerWorkingDay()).withZone(zone(settings));
        }
        List<Hours> hours = calendars.officeHours(officeId);
        if (!hours.isEmpty()) {
            Map<DayOfWeek, List<OfficePeriod>> week = new EnumMap<>(DayOfWeek.class);
            hours.forEach(h -> week.computeIfAbsent(h.weekday(), d -> new ArrayList<>()).add(h.period()));
            calendar = WorkingCalendar.of(calendar.zone(), week, List.of(), calendar.minutesPerWorkingDay());
        }
        return calendar.withHolidays(calendars.holidays(officeId));
    }

    private static ZoneId zone(Settings settings) {
        try {
            return ZoneId.of(settings.zoneId());
        } catch (DateTimeException e) {
            throw new IllegalStateException("calendar_settings.zone_id \"" + settings.zoneId() + "\" is not a time zone", e);
        }
    }

    private long officeId(String officeCode) {
        return calendars.officeId(officeCode)
                .orElseThrow(() -> new NoSuchElementException("no office with code " + officeCode));
    }

    private long lockOffice(String officeCode) {
        return calendars.lockOffice(officeCode)
                .orElseThrow(() -> new NoSuchElementException("no office with code " + officeCode));
    }

    private long generation() {
        synchronized (cacheLock) {
            return generation;
        }
    }

    /** Called after the change committed. */
    private void invalidate(String officeCode) {
        synchronized (cacheLock) {
            generation++;
            cache.remove(officeCode);
        }
    }

    private List<HolidayFile> bundledFiles() {
        List<HolidayFile> files = bundled;
        if (files == null) {
            files = readBundled();
            bundled = files;
        }
        return files;
    }

    static List<HolidayFile> readBundled() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
            Map<Integer, HolidayFile> byYear = new java.util.TreeMap<>();
            for (Resource r : resources) {
                String name = r.getFilename();
                HolidayFile file = HolidayFile.read(name, r.getContentAsString(StandardCharsets.UTF_8));
                if (name == null || !name.equals("holidays-" + file.year() + ".yaml")) {
                    throw new IllegalStateException(name + ": holds year " + file.year()
                            + ", so it must be named holidays-" + file.year() + ".yaml");
                }
                byYear.putIfAbsent(file.year(), file);
            }
            return List.copyOf(byYear.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled holiday files " + BUNDLED, e);
        }
    }
}
