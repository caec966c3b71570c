package id.sopan.simulation;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.casework.AuditService;
import id.sopan.casework.CaseService;
import id.sopan.catalog.CatalogService;
import id.sopan.organization.OrganizationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** All 48 SOPs run as cases through the real services, on H2 and on PostgreSQL. */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
abstract class SimulationContract {

    @Autowired
    CaseService cases;
    @Autowired
    CatalogService catalog;
    @Autowired
    OrganizationService organization;
    @Autowired
    CalendarService calendars;
    @Autowired
    MovableClock clock;
    @Autowired
    AuditService audit;

    Simulation simulation() {
        return new Simulation(cases, catalog, organization, calendars, clock);
    }

    @Test
    void everySopRunsToCompletionThenAgainWithOneReturnAtEachDecision() {
        Simulation.Result straight = simulation().run(Simulation.Settings.everySopOnce("DKUKM", 48, false));
        assertThat(straight.failureMessages()).isEmpty();
        assertThat(straight.perSop()).hasSize(48).allSatisfy((code, t) -> {
            assertThat(t.cases()).as(code).isEqualTo(1);
            assertThat(t.closed()).as(code).isEqualTo(1);
            assertThat(t.returns()).as(code).isZero();
        });
        Simulation.Result withReturns = simulation().run(Simulation.Settings.everySopOnce("DKUKM", 48, true));
        assertThat(withReturns.failureMessages()).isEmpty();
        assertThat(withReturns.perSop()).allSatisfy((code, t) -> assertThat(t.closed()).as(code).isEqualTo(1));
        // One return at each of the catalog's 47 decisions.
        assertThat(withReturns.total().returns()).isEqualTo(47);
        assertThat(withReturns.total().tasks()).isGreaterThan(straight.total().tasks());
        assertThat(audit.verifyAll().ok()).isTrue();
    }

    @Test
    void aRandomSimulationHasNoFailure() {
        Simulation.Result result = simulation().run(new Simulation.Settings(60, 42, 20, "DKUKM",
                LocalDate.of(2026, 4, 6), 0.2, 0.2, false, false, true, List.of()));
        assertThat(result.failureMessages()).isEmpty();
        assertThat(result.total().cases()).isEqualTo(60);
        assertThat(result.total().closed()).isEqualTo(60);
        assertThat(result.total().returns()).isPositive();
        assertThat(audit.verifyAll().ok()).isTrue();
    }
}
