package id.sopan.reports;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.engine.Action;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report figures of a controlled history, checked exactly; run on H2 and on PostgreSQL.
 * <p>
 * Three Cuti Tahunan (UMM-06) cases, each worked in one morning (07:30–12:00 WIB, 270 clock minutes holding
 * 270 × 330/450 = 198 effective minutes: one clock minute is 11/15 of a working minute). Steps take 15 clock minutes
 * (11 working minutes) except the 10-minute steps, which take 12 (8.8): all on time but one.
 * <ul>
 * <li>A (Monday): 7 × 15 + 2 × 12 = 129 clock minutes: 94 working minutes (94.6 floored).</li>
 * <li>B (Tuesday): as A plus one return at step 2 (15) and the pemohon's resubmission (12) before step 2 again:
 * 156 clock minutes: 114 working minutes (114.4).</li>
 * <li>C (Wednesday): as A but Kadis takes 75 clock minutes at step 5 (30 working minutes, due after 2 455 s):
 * 189 clock minutes: 138 working minutes (138.6); late by 2 045 clock seconds = 1 499.7 working seconds: 24
 * working minutes.</li>
 * </ul>
 * Median (nearest rank 2 of 3) 114, p90 (rank 3) 138, against the standard 225 (the sum of the SOP's Waktu).
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
abstract class ReportMetricsContract {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    @Autowired
    CaseService cases;
    @Autowired
    MovableClock clock;
    @Autowired
    ReportMetrics reports;
    @Autowired
    JdbcClient jdbc;

    private long start() {
        return cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true,
                Set.of(1, 2))).caseId();
    }

    private CaseDetail.Task current(long caseId) {
        CaseDetail detail = cases.detail(caseId);
        return detail.tasks().stream().filter(t -> t.step() == detail.currentStep() && !t.status().isFinal())
                .findFirst().orElseThrow();
    }

    /** Claims the current task at once and finishes it {@code minutes} clock minutes later. */
    private void work(long caseId, String user, Action finish, int minutes) {
        CaseDetail.Task task = current(caseId);
        cases.act(task.id(), Action.CLAIM, user, null, null);
        clock.advance(Duration.ofMinutes(minutes));
        cases.act(task.id(), finish, user, finish == Action.RETURN ? "KTP belum dilegalisir" : null, null);
    }

    /** Steps 2 to 10 of a Cuti Tahunan case (Kadis's step 5 taking {@code kadisMinutes}), with an optional return. */
    private void cutiTahunan(Instant at, boolean withReturn, int kadisMinutes) {
        clock.set(at);
        long id = start();
        if (withReturn) {
            work(id, "staf.kepegawaian", Action.RETURN, 15);
            work(id, "pegawai", Action.COMPLETE, 12);
        }
        work(id, "staf.kepegawaian", Action.APPROVE, 15);
        work(id, "kasubbag.umum", Action.COMPLETE, 15);
        work(id, "sekdis", Action.APPROVE, 15);
        work(id, "kadis", Action.COMPLETE, kadisMinutes);
        work(id, "kasubbag.umum", Action.COMPLETE, 15);
        CaseDetail.Task bkd = current(id);
        cases.act(bkd.id(), Action.CLAIM, "kasubbag.umum", null, null);
        cases.act(bkd.id(), Action.HAND_OFF, "kasubbag.umum", null, null);
        clock.advance(Duration.ofMinutes(15));
        cases.act(bkd.id(), Action.RECEIVE_BACK, "kasubbag.umum", "Surat izin cuti No. 851/123/BKD", null);
        work(id, "kasubbag.umum", Action.COMPLETE, 15);
        work(id, "staf.kepegawaian", Action.COMPLETE, 12);
        work(id, "pegawai", Action.COMPLETE, 12);
        assertThat(cases.detail(id).endedAt()).isNotNull();
    }

    @Test
    void aControlledHistoryGivesExactFigures() {
        cutiTahunan(MONDAY_0800, false, 15);
        cutiTahunan(MONDAY_0800.plus(Duration.ofDays(1)), true, 15);
        cutiTahunan(MONDAY_0800.plus(Duration.ofDays(2)), false, 75);

        ReportMetrics.Report march = reports.report(OFFICE, reports.month(OFFICE, YearMonth.of(2026, 3)));
        assertThat(march.bySop()).hasSize(1);
        ReportMetrics.SopMetrics cuti = march.bySop().get(0);
        assertThat(cuti.sopCode()).isEqualTo("UMM-06");
        assertThat(cuti.casesStarted()).isEqualTo(3);
        assertThat(cuti.casesFinished()).isEqualTo(3);
        // 10 tasks per case (step 1 done at the start), 2 more in B (the return's round): one late.
        assertThat(cuti.tasks()).isEqualTo(new ReportMetrics.OnTime(32, 32, 31));
        assertThat(cuti.tasks().share()).isCloseTo(31.0 / 32, within(1e-12));
        assertThat(cuti.revisions()).containsExactly(new ReportMetrics.Revisions(2, 1));
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
        // task loses its candidate jabatan (as if its actor had no jabatan assigned).
        cutiTahunan(LocalDateTime.parse("2027-02-01T08:00").atZone(WIB).toInstant(), false, 75);
        jdbc.sql("""
                DELETE FROM case_task_candidate
                 WHERE task_id IN (SELECT t.id FROM case_task t WHERE t.step_no = 5 AND t.ended_at >= :from)
                """).param("from", LocalDateTime.parse("2027-01-01T00:00").atZone(WIB).toOffsetDateTime()).update();

        ReportMetrics.Report february = reports.report(OFFICE, reports.month(OFFICE, YearMonth.of(2027, 2)));
        ReportMetrics.SopMetrics cuti = february.bySop().get(0);
        assertThat(cuti.tasks()).isEqualTo(new ReportMetrics.OnTime(10, 10, 9));
        assertThat(cuti.bottlenecks()).containsExactly(new ReportMetrics.Bottleneck(5, 1, 1, 24.0));
        assertThat(february.byEmployee()).filteredOn(w -> w.key().equals("kadis"))
                .containsExactly(new ReportMetrics.WorkerMetrics("kadis", new ReportMetrics.OnTime(1, 1, 0), 1, 24L));
        assertThat(february.byJabatan()).noneMatch(w -> w.key().equals("KADIS"));
    }
}
