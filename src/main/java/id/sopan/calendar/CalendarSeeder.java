package id.sopan.calendar;

import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Seeds every office's holidays from the bundled yearly files when the application starts, after the catalog
 * loader (order 0) has stored the offices. Only years an office has not been seeded with are written.
 */
@Component
@Order(CalendarSeeder.ORDER)
@ConditionalOnProperty(name = "sopan.calendar.seed-on-start", havingValue = "true", matchIfMissing = true)
class CalendarSeeder implements ApplicationRunner {

    /** After the catalog loader, which runs at order 0. */
    static final int ORDER = 150;

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);

    private final CalendarService calendars;
    private final OfficeRepository offices;

    CalendarSeeder(CalendarService calendars, OfficeRepository offices) {
        this.calendars = calendars;
        this.offices = offices;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Office office : offices.findAll()) {
            List<Integer> years = calendars.seedHolidays(office.code());
            log.info("Holidays of office {}: {}", office.code(),
                    years.isEmpty() ? "up to date" : "seeded years " + years);
        }
    }
}
