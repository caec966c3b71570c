package id.sopan.calendar;

import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With the default settings, every office the catalog loader stores at start gets the bundled holidays. */
@SpringBootTest
class CalendarSeedOnStartTest {

    private static final String URL = "jdbc:h2:mem:sopan_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @Autowired
    CalendarService calendars;
    @Autowired
    OfficeRepository offices;

    @Test
    void theOfficesOfTheCatalogAreSeededAfterTheCatalogIsLoaded() {
        assertThat(offices.findAll()).isNotEmpty();
        for (Office office : offices.findAll()) {
            assertThat(calendars.holidays(office.code(), 2026)).as(office.code()).hasSize(25);
            assertThat(calendars.holidays(office.code(), 2027)).as(office.code()).hasSize(17);
            assertThat(calendars.calendarFor(office.code()).isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
            // Already seeded at start: nothing left to do.
            assertThat(calendars.seedHolidays(office.code())).isEmpty();
        }
    }
}
