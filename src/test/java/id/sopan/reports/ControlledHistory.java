package id.sopan.reports;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.engine.Action;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controlled history for the report tests, worked through the real services on a movable clock.
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
public final class ControlledHistory {

    public static final String OFFICE = "DKUKM";
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    private final CaseService cases;
    private final MovableClock clock;

    public ControlledHistory(CaseService cases, MovableClock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Cases A, B (with a return) and C (late at step 5) on 2, 3 and 4 March 2026. */
    public void threeCutiTahunanCases() {
        cutiTahunan(MONDAY_0800, false, 15);
        cutiTahunan(MONDAY_0800.plus(Duration.ofDays(1)), true, 15);
        cutiTahunan(MONDAY_0800.plus(Duration.ofDays(2)), false, 75);
    }

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
    void cutiTahunan(Instant at, boolean withReturn, int kadisMinutes) {
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

}
