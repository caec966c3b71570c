package id.sopan.simulation;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.casework.AuditService;
import id.sopan.casework.BulkHistory;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogService;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.ReportMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk simulation writes exactly the history the real services write: the same settings run once through
 * {@link CaseService} (one transaction per action) and once through {@link BulkHistory} (in memory, written in
 * batches), each into casework tables emptied before, give the same cases, tasks, candidate jabatan, history rows
 * (up to generated ids and tracking codes), intact hash chains and the same report figures. On H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
// No other class shares this database: close the context (and its connection pool) when the class is done.
@DirtiesContext
abstract class BulkSimulationContract {

    static final String OFFICE = "DKUKM";

    @Autowired
    CaseService cases;
    @Autowired
    BulkHistory bulk;
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
    @Autowired
    ReportMetrics reports;
    @Autowired
    JdbcClient jdbc;

    /** What one path left in the database. */
    record Outcome(Simulation.Result result, HistorySnapshot history, ReportMetrics.Report halfYear,
                   List<ReportMetrics.MonthMetrics> months, AuditService.Report audit) {
    }

    private Outcome throughServices(Simulation.Settings settings) {
        HistorySnapshot.reset(jdbc);
        return outcome(new Simulation(cases, catalog, organization, calendars, clock).run(settings));
    }

    private Outcome inBulk(Simulation.Settings settings) {
        HistorySnapshot.reset(jdbc);
        // Few cases per transaction, so that several transactions and number blocks are written.
        return outcome(Simulation.bulk(bulk, 7, OFFICE, catalog, organization, calendars).run(settings));
    }

    private Outcome outcome(Simulation.Result result) {
        // The tallies kept as tasks finished are those counted afresh from the tasks.
        assertThat(HistorySnapshot.of(jdbc).tallies()).isNotEmpty().isEqualTo(HistorySnapshot.recountedTallies(jdbc));
        List<List<Long>> late = HistorySnapshot.lateTaskIds(jdbc);
        assertThat(late.get(1)).isEqualTo(late.get(0));
        return new Outcome(result, HistorySnapshot.of(jdbc), reports.report(OFFICE, reports.halfYear(OFFICE, 2026, 1)),
                reports.monthly(OFFICE, YearMonth.of(2026, 1), YearMonth.of(2026, 6)), audit.verifyAll());
    }

    private static void assertSame(Outcome bulk, Outcome services) {
        assertThat(bulk.result().failureMessages()).isEmpty();
        assertThat(bulk.result().perSop()).isEqualTo(services.result().perSop());
        List<HistorySnapshot.Case> expected = services.history().cases();
        List<HistorySnapshot.Case> actual = bulk.history().cases();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            HistorySnapshot.Case e = expected.get(i);
            HistorySnapshot.Case a = actual.get(i);
            String what = e.registrationNo() + " (" + e.sopCode() + ")";
            assertThat(a.tasks()).as(what + " tasks").containsExactlyElementsOf(e.tasks());
            assertThat(a.events()).as(what + " history").containsExactlyElementsOf(e.events());
            assertThat(a).as(what).isEqualTo(e);
        }
        assertThat(bulk.history().counters()).isEqualTo(services.history().counters());
        assertThat(bulk.history().tallies()).isEqualTo(services.history().tallies());
        assertThat(bulk.history().lateTasks()).isEqualTo(services.history().lateTasks());
        assertThat(bulk.audit().ok()).as("audit of the bulk history: %s", bulk.audit().breaks()).isTrue();
        assertThat(bulk.audit().events()).isEqualTo(services.audit().events());
        assertThat(bulk.halfYear()).isEqualTo(services.halfYear());
        assertThat(bulk.months()).isEqualTo(services.months());
        BulkHistory.Written written = bulk.result().written();
        assertThat(written.cases()).isEqualTo(expected.size());
        assertThat(written.tasks()).isEqualTo(services.history().taskCount());
        assertThat(written.events()).isEqualTo(services.audit().events());
    }

    @Test
    void everySopWithOneReturnAtEachDecisionGivesTheSameHistory() {
        Simulation.Settings settings = Simulation.Settings.everySopOnce(OFFICE, 48, true);
        Outcome services = throughServices(settings);
        Outcome inBulk = inBulk(settings);
        assertThat(services.result().failureMessages()).isEmpty();
        assertThat(services.history().cases()).hasSize(48).allSatisfy(c -> assertThat(c.status()).isEqualTo("CLOSED"));
        assertThat(services.result().total().returns()).isEqualTo(47);
        assertThat(services.audit().ok()).isTrue();
        assertThat(services.halfYear().bySop()).hasSize(48);
        assertSame(inBulk, services);
        // The bulk run gave back the numbers it reserved and did not use: the next case continues the counter.
        clock.set(LocalDate.of(2026, 3, 10).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant());
        CaseService.Started next = cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true, Set.of(1)));
        assertThat(next.registrationNo()).isEqualTo("DKUKM/2026/000049");
    }

    @Test
    void aRandomSimulationWithDelegationsAndOpenCasesGivesTheSameHistory() {
        Simulation.Settings settings = new Simulation.Settings(60, 42, 20, OFFICE, LocalDate.of(2026, 4, 6), 0.2, 0.2,
                false, false, true, List.of(), 0.25);
        Outcome services = throughServices(settings);
        Outcome inBulk = inBulk(settings);
        assertThat(services.result().failureMessages()).isEmpty();
        assertThat(services.result().total().returns()).isPositive();
        assertThat(services.history().lateTasks()).as("late tasks, each in late_task").isNotEmpty();
        // Some cases are left open part-way, with open, taken or handed-off tasks; the others closed.
        List<HistorySnapshot.Case> open = services.history().cases().stream()
                .filter(c -> c.status().equals("OPEN")).toList();
        assertThat(open).isNotEmpty().hasSizeLessThan(30);
        assertThat(open).allSatisfy(c -> assertThat(c.tasks()).anySatisfy(t -> assertThat(t.status())
                .isIn("OPEN", "CLAIMED", "HANDED_OFF")));
        // Some wait in a worklist, some are taken.
        assertThat(open).flatMap(HistorySnapshot.Case::tasks).extracting(HistorySnapshot.Task::status)
                .contains("OPEN", "CLAIMED");
        assertThat(services.result().total().closed()).isEqualTo(60 - open.size());
        // Plh delegates acted for absent colleagues.
        assertThat(services.history().cases()).flatMap(HistorySnapshot.Case::events)
                .anySatisfy(e -> assertThat(e.onBehalfOf()).startsWith("PLH:"));
        assertThat(services.audit().ok()).isTrue();
        assertSame(inBulk, services);
    }
}
