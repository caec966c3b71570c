package id.sopan.reports;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDateTime;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report figures of a controlled history ({@link ControlledHistory}), checked exactly; run on H2 and on
 * PostgreSQL.
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
abstract class ReportMetricsContract {

    static final String OFFICE = "DKUKM";

    @Autowired
    CaseService cases;
    @Autowired
    MovableClock clock;
    @Autowired
    ReportMetrics reports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aControlledHistoryGivesExactFigures() {
        new ControlledHistory(cases, clock).threeCutiTahunanCases();

        ReportMetrics.Report march = reports.report(OFFICE, reports.month(OFFICE, YearMonth.of(2026, 3)));
        assertThat(march.bySop()).hasSize(1);
        ReportMetrics.SopMetrics cuti = march.bySop().get(0);
        assertThat(cuti.sopCode()).isEqualTo("UMM-06");
        assertThat(cuti.casesStarted()).isEqualTo(3);
        assertThat(cuti.casesFinished()).isEqualTo(3);
        // 10 tasks per case (step 1 done at the start), 2 more in B (the return's round): one late.
        assertThat(cuti.tasks()).isEqualTo(new ReportMetrics.OnTime(32, 32, 31));
        assertThat(cuti.tasks().share()).isCloseTo(31.0 / 32, within(1e-12));
        assertThat(cuti.revisions()).containsExactly(new ReportMetrics.Revisions(2, 1, 4));
        assertThat(cuti.bottlenecks()).containsExactly(new ReportMetrics.Bottleneck(5, 3, 1, 8.0));
        assertThat(cuti.durations()).isEqualTo(new ReportMetrics.Durations(3, 114, 138, 225L));
        assertThat(cuti.durations().medianOverStandard()).isFalse();

        ReportMetrics.WorkerMetrics kadisJabatan = march.byJabatan().stream()
                .filter(w -> w.key().equals("KADIS")).findFirst().orElseThrow();
        assertThat(kadisJabatan).isEqualTo(new ReportMetrics.WorkerMetrics("KADIS",
                new ReportMetrics.OnTime(3, 3, 2), 1, 24L));
        assertThat(kadisJabatan.tasks().share()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(march.byEmployee()).filteredOn(w -> w.key().equals("kadis"))
                .containsExactly(new ReportMetrics.WorkerMetrics("kadis", new ReportMetrics.OnTime(3, 3, 2), 1, 24L));
        // Staf Kepegawaian: steps 2 and 9 of each case plus the returned round of B, all on time.
        assertThat(march.byEmployee()).filteredOn(w -> w.key().equals("staf.kepegawaian"))
                .containsExactly(new ReportMetrics.WorkerMetrics("staf.kepegawaian",
                        new ReportMetrics.OnTime(7, 7, 7), 0, null));
        // The jabatan is also a candidate of the pemohon's steps 1 and 10 (it may record them): 4 per case plus
        // B's two of the returned round.
        assertThat(march.byJabatan()).filteredOn(w -> w.key().equals("STAF-KEPEGAWAIAN"))
                .containsExactly(new ReportMetrics.WorkerMetrics("STAF-KEPEGAWAIAN",
                        new ReportMetrics.OnTime(14, 14, 14), 0, null));

        assertThat(reports.monthly(OFFICE, YearMonth.of(2026, 2), YearMonth.of(2026, 4))).containsExactly(
                new ReportMetrics.MonthMetrics(YearMonth.of(2026, 2), 0, 0, new ReportMetrics.OnTime(0, 0, 0)),
                new ReportMetrics.MonthMetrics(YearMonth.of(2026, 3), 3, 3, new ReportMetrics.OnTime(32, 32, 31)),
                new ReportMetrics.MonthMetrics(YearMonth.of(2026, 4), 0, 0, new ReportMetrics.OnTime(0, 0, 0)));

        // The first half of 2026 holds the same history; the second half none of it.
        ReportMetrics.Report h1 = reports.report(OFFICE, reports.halfYear(OFFICE, 2026, 1));
        assertThat(h1.bySop()).containsExactly(cuti);
        ReportMetrics.Report h2 = reports.report(OFFICE, reports.halfYear(OFFICE, 2026, 2));
        assertThat(h2.bySop()).isEmpty();
        assertThat(h2.byJabatan()).isEmpty();
        assertThat(h2.byEmployee()).isEmpty();
    }

    @Test
    void aLateTaskNoJabatanMayWorkStillCountsForItsStepAndEmployee() {
        // In 2027, apart from the history above: one case as C (Kadis late by 24 working minutes), then Kadis's
        // task loses its candidate jabatan (as if its actor had had no jabatan assigned when it was finished: none
        // stored, jabatan_codes null, and so in the tally and the late tasks the report reads).
        new ControlledHistory(cases, clock).cutiTahunan(
                LocalDateTime.parse("2027-02-01T08:00").atZone(ControlledHistory.WIB).toInstant(), false, 75);
        var from = LocalDateTime.parse("2027-01-01T00:00").atZone(ControlledHistory.WIB).toOffsetDateTime();
        jdbc.sql("""
                DELETE FROM case_task_candidate
                 WHERE task_id IN (SELECT t.id FROM case_task t WHERE t.step_no = 5 AND t.ended_at >= :from)
                """).param("from", from).update();
        jdbc.sql("UPDATE case_task SET jabatan_codes = NULL WHERE step_no = 5 AND ended_at >= :from")
                .param("from", from).update();
        jdbc.sql("UPDATE task_tally SET jabatan_codes = '' WHERE step_no = 5 AND ended_month >= :month")
                .param("month", from.toLocalDate()).update();
        jdbc.sql("UPDATE late_task SET jabatan_codes = NULL WHERE step_no = 5 AND ended_at >= :from")
                .param("from", from).update();

        ReportMetrics.Report february = reports.report(OFFICE, reports.month(OFFICE, YearMonth.of(2027, 2)));
        ReportMetrics.SopMetrics cuti = february.bySop().get(0);
        assertThat(cuti.tasks()).isEqualTo(new ReportMetrics.OnTime(10, 10, 9));
        assertThat(cuti.bottlenecks()).containsExactly(new ReportMetrics.Bottleneck(5, 1, 1, 24.0));
        assertThat(february.byEmployee()).filteredOn(w -> w.key().equals("kadis"))
                .containsExactly(new ReportMetrics.WorkerMetrics("kadis", new ReportMetrics.OnTime(1, 1, 0), 1, 24L));
        assertThat(february.byJabatan()).noneMatch(w -> w.key().equals("KADIS"));
    }
}
