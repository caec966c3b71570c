package id.sopan.calendar;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL for the calendar tables. Callers hold the transaction. */
@Repository
class CalendarRepository {

    /** A calendar_settings row. */
    record Settings(String zoneId, int minutesPerWorkingDay) {
    }

    /** A calendar_office_hours row. */
    record Hours(DayOfWeek weekday, int periodNo, OfficePeriod period) {
    }

    private static final String OFFICE_ID = """
            SELECT id FROM office WHERE code = :officeCode
            """;

    // Locking the office row serializes the changes of one office's calendar.
    private static final String LOCK_OFFICE = """
            SELECT id FROM office WHERE code = :officeCode FOR UPDATE
            """;

    private static final String SETTINGS = """
            SELECT zone_id, minutes_per_working_day FROM calendar_settings WHERE office_id = :officeId
            """;

    private static final String UPDATE_MINUTES = """
            UPDATE calendar_settings
               SET minutes_per_working_day = :minutes, updated_at = :at
             WHERE office_id = :officeId
            """;

    private static final String INSERT_SETTINGS = """
            INSERT INTO calendar_settings (office_id, zone_id, minutes_per_working_day, updated_at)
            VALUES (:officeId, :zoneId, :minutes, :at)
            """;

    private static final String HOURS = """
            SELECT weekday, period_no, opens, closes
              FROM calendar_office_hours
             WHERE office_id = :officeId
             ORDER BY weekday, period_no
            """;

    private static final String DELETE_HOURS = """
            DELETE FROM calendar_office_hours WHERE office_id = :officeId AND weekday = :weekday
            """;

    private static final String INSERT_HOURS = """
            INSERT INTO calendar_office_hours (office_id, weekday, period_no, opens, closes)
            VALUES (:officeId, :weekday, :periodNo, :opens, :closes)
            """;

    private static final String HOLIDAY_COLUMNS = """
            SELECT holiday_date, name, kind FROM calendar_holiday
            """;

    private static final String ALL_HOLIDAYS = HOLIDAY_COLUMNS + """
             WHERE office_id = :officeId
             ORDER BY holiday_date
            """;

    private static final String HOLIDAYS_BETWEEN = HOLIDAY_COLUMNS + """
             WHERE office_id = :officeId AND holiday_date >= :from AND holiday_date < :to
             ORDER BY holiday_date
            """;

    private static final String UPDATE_HOLIDAY = """
            UPDATE calendar_holiday SET name = :name, kind = :kind
             WHERE office_id = :officeId AND holiday_date = :date
            """;

    private static final String INSERT_HOLIDAY = """
            INSERT INTO calendar_holiday (office_id, holiday_date, name, kind, created_at)
            VALUES (:officeId, :date, :name, :kind, :at)
            """;

    private static final String HOLIDAY_EXISTS = """
            SELECT COUNT(*) FROM calendar_holiday WHERE office_id = :officeId AND holiday_date = :date
            """;

    private static final String DELETE_HOLIDAY = """
            DELETE FROM calendar_holiday WHERE office_id = :officeId AND holiday_date = :date
            """;

    private static final String YEAR_SEEDED = """
            SELECT COUNT(*) FROM calendar_holiday_year WHERE office_id = :officeId AND holiday_year = :year
            """;

    private static final String INSERT_YEAR = """
            INSERT INTO calendar_holiday_year (office_id, holiday_year, source, seeded_at)
            VALUES (:officeId, :year, :source, :at)
            """;

    private static final RowMapper<Holiday> HOLIDAY = (rs, n) -> new Holiday(
            rs.getObject("holiday_date", LocalDate.class), rs.getString("name"),
            Holiday.Kind.valueOf(rs.getString("kind")));

    private static final RowMapper<Hours> HOURS_ROW = (rs, n) -> new Hours(
            DayOfWeek.of(rs.getInt("weekday")), rs.getInt("period_no"),
            new OfficePeriod(rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)));

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> officeId(String officeCode) {
        return jdbc.sql(OFFICE_ID).param("officeCode", officeCode).query(Long.class).optional();
    }

    /** The office's id, its row locked until the transaction ends. */
    Optional<Long> lockOffice(String officeCode) {
        return jdbc.sql(LOCK_OFFICE).param("officeCode", officeCode).query(Long.class).optional();
    }

    Optional<Settings> settings(long officeId) {
        return jdbc.sql(SETTINGS).param("officeId", officeId)
                .query((rs, n) -> new Settings(rs.getString("zone_id"), rs.getInt("minutes_per_working_day")))
                .optional();
    }

    /** Sets the minutes, creating the settings row with {@code zoneId} when the office has none. */
    void saveMinutes(long officeId, int minutes, String zoneId, OffsetDateTime at) {
        int updated = jdbc.sql(UPDATE_MINUTES).param("officeId", officeId).param("minutes", minutes).param("at", at)
                .update();
        if (updated == 0) {
            jdbc.sql(INSERT_SETTINGS).param("officeId", officeId).param("zoneId", zoneId).param("minutes", minutes)
                    .param("at", at).update();
        }
    }

    List<Hours> officeHours(long officeId) {
        return jdbc.sql(HOURS).param("officeId", officeId).query(HOURS_ROW).list();
    }

    /** Replaces one weekday's periods (an empty list leaves the day closed). */
    void replaceOfficeHours(long officeId, DayOfWeek weekday, List<OfficePeriod> periods) {
        jdbc.sql(DELETE_HOURS).param("officeId", officeId).param("weekday", weekday.getValue()).update();
        for (int i = 0; i < periods.size(); i++) {
            jdbc.sql(INSERT_HOURS)
                    .param("officeId", officeId)
                    .param("weekday", weekday.getValue())
                    .param("periodNo", i + 1)
                    .param("opens", periods.get(i).opens())
                    .param("closes", periods.get(i).closes())
                    .update();
        }
    }

    List<Holiday> holidays(long officeId) {
        return jdbc.sql(ALL_HOLIDAYS).param("officeId", officeId).query(HOLIDAY).list();
    }

    /** Holidays with {@code from <= date < to}. */
    List<Holiday> holidays(long officeId, LocalDate from, LocalDate to) {
        return jdbc.sql(HOLIDAYS_BETWEEN).param("officeId", officeId).param("from", from).param("to", to)
                .query(HOLIDAY).list();
    }

    boolean holidayExists(long officeId, LocalDate date) {
        return jdbc.sql(HOLIDAY_EXISTS).param("officeId", officeId).param("date", date).query(Long.class).single() > 0;
    }

    /** @return true when the date was new, false when an existing holiday of that date was replaced */
    boolean saveHoliday(long officeId, Holiday holiday, OffsetDateTime at) {
        int updated = jdbc.sql(UPDATE_HOLIDAY)
                .param("officeId", officeId)
                .param("date", holiday.date())
                .param("name", holiday.name())
                .param("kind", holiday.kind().name())
                .update();
        if (updated > 0) {
            return false;
        }
        insertHoliday(officeId, holiday, at);
        return true;
    }

    void insertHoliday(long officeId, Holiday holiday, OffsetDateTime at) {
        jdbc.sql(INSERT_HOLIDAY)
                .param("officeId", officeId)
                .param("date", holiday.date())
                .param("name", holiday.name())
                .param("kind", holiday.kind().name())
                .param("at", at)
                .update();
    }

    boolean deleteHoliday(long officeId, LocalDate date) {
        return jdbc.sql(DELETE_HOLIDAY).param("officeId", officeId).param("date", date).update() > 0;
    }

    boolean yearSeeded(long officeId, int year) {
        return jdbc.sql(YEAR_SEEDED).param("officeId", officeId).param("year", year).query(Long.class).single() > 0;
    }

    void markYearSeeded(long officeId, int year, String source, OffsetDateTime at) {
        jdbc.sql(INSERT_YEAR).param("officeId", officeId).param("year", year).param("source", source)
                .param("at", at).update();
    }
}
