package id.sopan.calendar;

import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar storage contract on PostgreSQL, in a fresh schema dropped afterwards (skipped without PostgreSQL, except on CI). */
class PostgresCalendarStorageTest extends CalendarStorageContract {

    @RegisterExtension
    static final PostgresSchema PG = new PostgresSchema();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PG.register(registry);
    }

    @Test
    void calendarTablesLiveInTheFreshSchema() {
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM information_schema.tables
                 WHERE table_schema = :schema
                   AND table_name IN ('calendar_settings', 'calendar_office_hours', 'calendar_holiday',
                                      'calendar_holiday_year')""")
                .param("schema", PG.schema()).query(Long.class).single()).isEqualTo(4);
    }
}
