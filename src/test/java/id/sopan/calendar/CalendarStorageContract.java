package id.sopan.calendar;

import id.sopan.support.Database;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.sop.StandardTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored calendars, run against each database the application supports: a subclass per database only points
 * the datasource somewhere else.
 */
@SpringBootTest(properties = {"sopan.catalog.load-on-start=false", "sopan.calendar.seed-on-start=false"})
abstract class CalendarStorageContract {

    static final String OFFICE = "TST";
    static final String OTHER = "LAIN";

    @Autowired
    CalendarService service;
    @Autowired
    OfficeRepository offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void emptyTables() {
        Database.wipe(jdbc);
        offices.upsert(new Office(OFFICE, "Dinas Uji", "Pemerintah Kabupaten Uji", null, null));
        offices.upsert(new Office(OTHER, "Dinas Lain", "Pemerintah Kabupaten Uji", null, null));
        // The rows went behind the service's back: drop what an earlier test left in its cache.
        service.evictCache();
    }

    static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.DEFAULT_ZONE).toInstant();
    }

    @Test
    void anOfficeWithoutSettingsHasTheDefaultCalendar() {
        assertThat(context.getBeansOfType(CalendarSeeder.class)).isEmpty();
        assertThat(service.calendarFor(OFFICE)).isEqualTo(WorkingCalendar.standard());
        assertThatThrownBy(() -> service.calendarFor("NONE")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("NONE");
    }

    @Test
    void seedingStoresEveryBundledYearOnceAndIsIdempotent() {
        assertThat(service.bundledYears()).containsExactly(2026, 2027);

        assertThat(service.seedHolidays(OFFICE)).containsExactly(2026, 2027);
        assertThat(service.seedHolidays(OFFICE)).isEmpty();

        assertThat(service.holidays(OFFICE, 2026)).hasSize(25)
                .contains(new Holiday(LocalDate.of(2026, 8, 17), "Proklamasi Kemerdekaan", Holiday.Kind.NATIONAL_HOLIDAY));
        assertThat(service.holidays(OFFICE, 2027)).hasSize(17);
        assertThat(service.holidays(OFFICE, 2025)).isEmpty();
        assertThat(service.holidays(OTHER, 2026)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM calendar_holiday")).isEqualTo(25 + 17);
        assertThat(service.calendarFor(OFFICE).isWorkingDay(LocalDate.of(2026, 8, 17))).isFalse();
        // Friday 14 Aug 2026 at closing + 11 minutes: Monday 17 Aug is a holiday.
        assertThat(service.calendarFor(OFFICE).deadline(wib("2026-08-14T16:30"), StandardTime.minutes(11, null)))
                .isEqualTo(wib("2026-08-18T07:45"));
    }

    @Test
    void aSeededYearIsNotSeededAgainSoEditsStay() {
        LocalDate proklamasi = LocalDate.of(2026, 8, 17);
        LocalDate hariJadi = LocalDate.of(2027, 9, 1);
        // A local holiday added before its year was seeded stays as it is; the year is still seeded.
        service.addHoliday(OFFICE, hariJadi, "Hari Jadi Kabupaten", Holiday.Kind.LOCAL);
        service.addHoliday(OFFICE, LocalDate.of(2027, 1, 1), "Tahun Baru (kantor)", Holiday.Kind.LOCAL);
        service.seedHolidays(OFFICE);
        assertThat(service.holidays(OFFICE, 2027)).hasSize(18)
                .contains(new Holiday(LocalDate.of(2027, 1, 1), "Tahun Baru (kantor)", Holiday.Kind.LOCAL));

        assertThat(service.removeHoliday(OFFICE, proklamasi)).isTrue();
        assertThat(service.seedHolidays(OFFICE)).isEmpty();
        assertThat(service.holidays(OFFICE, 2026)).extracting(Holiday::date).doesNotContain(proklamasi);
    }

    @Test
    void addingAndRemovingAHolidayChangesTheCalendar() {
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        StandardTime oneDay = StandardTime.minutes(330, "330 menit");
        Instant mondayOpening = wib("2026-03-02T07:30");
        WorkingCalendar before = service.calendarFor(OFFICE);
        assertThat(before.deadline(mondayOpening, StandardTime.minutes(660, null))).isEqualTo(wib("2026-03-03T16:00"));

        assertThat(service.addHoliday(OFFICE, tuesday, "Hari Jadi Kabupaten Uji", Holiday.Kind.LOCAL)).isTrue();
        WorkingCalendar after = service.calendarFor(OFFICE);
        assertThat(after).isNotSameAs(before);
        assertThat(after.holiday(tuesday)).contains(new Holiday(tuesday, "Hari Jadi Kabupaten Uji", Holiday.Kind.LOCAL));
        assertThat(after.deadline(mondayOpening, StandardTime.minutes(660, null))).isEqualTo(wib("2026-03-04T16:00"));
        assertThat(service.calendarFor(OTHER).isWorkingDay(tuesday)).isTrue();
        // Cached: the same instance until the next change.
        assertThat(service.calendarFor(OFFICE)).isSameAs(after);

        // Adding the same date again renames it.
        assertThat(service.addHoliday(OFFICE, tuesday, "Rapat Kerja", Holiday.Kind.LOCAL)).isFalse();
        assertThat(service.holidays(OFFICE, 2026)).containsExactly(new Holiday(tuesday, "Rapat Kerja", Holiday.Kind.LOCAL));

        assertThat(service.removeHoliday(OFFICE, tuesday)).isTrue();
        assertThat(service.removeHoliday(OFFICE, tuesday)).isFalse();
        assertThat(service.calendarFor(OFFICE).deadline(wib("2026-03-03T07:30"), oneDay)).isEqualTo(wib("2026-03-03T16:00"));
        assertThat(service.holidays(OFFICE, 2026)).isEmpty();
    }

    @Test
    void minutesPerWorkingDayIsStoredAndValidated() {
        service.setMinutesPerWorkingDay(OFFICE, 450);
        WorkingCalendar calendar = service.calendarFor(OFFICE);
        assertThat(calendar.minutesPerWorkingDay()).isEqualTo(450);
        assertThat(calendar.deadline(wib("2026-03-02T07:30"), StandardTime.minutes(60, null))).isEqualTo(wib("2026-03-02T08:30"));
        assertThat(service.calendarFor(OTHER).minutesPerWorkingDay()).isEqualTo(330);

        for (int wrong : new int[] {59, 0, -330, 1441}) {
            assertThatThrownBy(() -> service.setMinutesPerWorkingDay(OFFICE, wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minutesPerWorkingDay").hasMessageContaining(String.valueOf(wrong));
        }
        service.setMinutesPerWorkingDay(OFFICE, 60);
        service.setMinutesPerWorkingDay(OFFICE, 1440);
        assertThat(service.calendarFor(OFFICE).minutesPerWorkingDay()).isEqualTo(1440);
        assertThat(count("SELECT COUNT(*) FROM calendar_settings")).isEqualTo(1);
        // The database refuses what the service would refuse.
        assertThatThrownBy(() -> jdbc.sql("UPDATE calendar_settings SET minutes_per_working_day = 30").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void officeHoursAreStoredPerWeekday() {
        service.setOfficeHours(OFFICE, DayOfWeek.SATURDAY, List.of(OfficePeriod.parse("08:00-12:00")));
        WorkingCalendar calendar = service.calendarFor(OFFICE);
        assertThat(calendar.officeHours(DayOfWeek.SATURDAY)).containsExactly(OfficePeriod.parse("08:00-12:00"));
        assertThat(calendar.officeHours(DayOfWeek.MONDAY)).isEqualTo(WorkingCalendar.defaultWeek().get(DayOfWeek.MONDAY));
        assertThat(calendar.officeHours(DayOfWeek.FRIDAY)).isEqualTo(WorkingCalendar.defaultWeek().get(DayOfWeek.FRIDAY));
        // Saturday 7 Mar 2026: 4 office hours now hold the 330 effective minutes.
        assertThat(calendar.deadline(wib("2026-03-07T08:00"), StandardTime.minutes(330, null))).isEqualTo(wib("2026-03-07T12:00"));

        service.setOfficeHours(OFFICE, DayOfWeek.SATURDAY, List.of());
        assertThat(service.calendarFor(OFFICE).officeHours(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(service.calendarFor(OFFICE).week()).isEqualTo(WorkingCalendar.defaultWeek());

        assertThatThrownBy(() -> service.setOfficeHours(OFFICE, DayOfWeek.MONDAY,
                List.of(OfficePeriod.parse("07:00-12:00"), OfficePeriod.parse("11:00-15:00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThat(service.calendarFor(OFFICE).week()).isEqualTo(WorkingCalendar.defaultWeek());
    }

    @Test
    void aCalendarGoesWithItsOffice() {
        service.seedHolidays(OFFICE);
        service.setMinutesPerWorkingDay(OFFICE, 400);
        jdbc.sql("DELETE FROM office WHERE code = :code").param("code", OFFICE).update();
        assertThat(count("SELECT COUNT(*) FROM calendar_holiday")).isZero();
        assertThat(count("SELECT COUNT(*) FROM calendar_settings")).isZero();
        assertThat(count("SELECT COUNT(*) FROM calendar_holiday_year")).isZero();
    }

    @Test
    void theDatabaseRefusesAnUnknownKindAndASecondHolidayOnOneDate() {
        service.addHoliday(OFFICE, LocalDate.of(2026, 9, 1), "Hari Jadi", Holiday.Kind.LOCAL);
        assertThatThrownBy(() -> jdbc.sql("UPDATE calendar_holiday SET kind = 'LIBUR'").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO calendar_holiday (office_id, holiday_date, name, kind, created_at)
                SELECT office_id, holiday_date, 'lagi', 'LOCAL', created_at FROM calendar_holiday""").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> service.addHoliday(OFFICE, LocalDate.of(2026, 9, 2), " ", Holiday.Kind.LOCAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> service.addHoliday("NONE", LocalDate.of(2026, 9, 2), "x", Holiday.Kind.LOCAL))
                .isInstanceOf(NoSuchElementException.class);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
