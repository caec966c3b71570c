package id.sopan.web;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseService;
import id.sopan.reports.ControlledHistory;
import id.sopan.reports.ReportMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.YearMonth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The report pages over the controlled history ({@link ControlledHistory}: three Cuti Tahunan cases in March 2026),
 * on H2 in memory, read in July 2026. One application context for the MockMvc tests and the browser test; each test
 * uses its own form (year, semester) so that they share the history without stepping on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:reportweb;DB_CLOSE_DELAY=-1",
        "sopan.clock=movable",
        "sopan.sla.initial-delay=PT24H"})
@AutoConfigureMockMvc
abstract class ReportWebTestSupport {

    static final String OFFICE = ControlledHistory.OFFICE;

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    CaseService cases;
    @Autowired
    ReportMetrics metrics;
    @Autowired
    UserDetailsService users;
    @LocalServerPort
    int port;

    @BeforeEach
    void history() {
        if (metrics.monthly(OFFICE, YearMonth.of(2026, 3), YearMonth.of(2026, 3)).get(0).casesStarted() == 0) {
            new ControlledHistory(cases, clock).threeCutiTahunanCases();
        }
        // Friday 10 July 2026, 08:00 WIB: the first semester is over.
        clock.set(ControlledHistory.MONDAY_0800.plus(Duration.ofDays(130)));
    }

    /** A demo user with the roles the sign-in gives them. */
    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
