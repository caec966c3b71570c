package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.DashboardQueries;
import id.sopan.casework.Pemohon;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.organization.OrganizationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's figures over a small controlled history, worked by the demo users with a movable clock; run on H2
 * and on PostgreSQL (its SQL aggregations).
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H",
        "sopan.attachments.dir=target/test-attachments"})
@AutoConfigureMockMvc
abstract class DashboardContract {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday 2 March 2026, 08:00 WIB: a working day. */
    static final Instant MONDAY_0800 = wib("2026-03-02T08:00");

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseService cases;
    @Autowired
    CalendarService calendars;
    @Autowired
    OrganizationService organization;
    @Autowired
    UserDetailsService users;
    @Autowired
    MovableClock clock;

    static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    /** A Penilaian SKP (UMM-20, three steps of 30 + 30 + 10 minutes) started by Staf Kepegawaian now. */
    long skp() {
        return cases.start(new CaseService.StartCase(OFFICE, "UMM-20",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "staf.kepegawaian", false,
                Set.of())).caseId();
    }

    /** A Cuti Tahunan (UMM-06) the employee hands in now: it waits at step 2 for Staf Kepegawaian. */
    long cuti() {
        return cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true,
                Set.of(1, 2))).caseId();
    }

    /** Every remaining task of the case claimed and completed at {@code at} by a holder of its first jabatan. */
    void finishAt(long caseId, Instant at) {
        clock.set(at);
        LocalDate day = LocalDate.ofInstant(at, WIB);
        for (int guard = 0; guard < 20 && cases.status(caseId) == CaseStatus.OPEN; guard++) {
            for (CaseDetail.Task task : cases.activeTasks(caseId)) {
                String user = organization.holders(OFFICE, task.jabatan().get(0), day).get(0).username();
                cases.act(task.id(), Action.CLAIM, user, null, null);
                cases.act(task.id(), Action.COMPLETE, user, null, null);
            }
        }
        assertThat(cases.status(caseId)).isEqualTo(CaseStatus.CLOSED);
    }

    DashboardQueries.Dashboard dashboard(MvcResult result) {
        return (DashboardQueries.Dashboard) result.getModelAndView().getModel().get("dashboard");
    }

    @Test
    void theDashboardCountsOpenCasesOverdueTasksAndTheMonthsDurationsAgainstTheStandard() throws Exception {
        // February: one case closed in an hour, which March's figures leave out.
        Instant february = wib("2026-02-02T08:00");
        clock.set(february);
        long inFebruary = skp();
        finishAt(inFebruary, february.plus(Duration.ofHours(1)));

        // March: three cases closed after one hour, two hours and one working day; a fourth stays at step 1.
        clock.set(MONDAY_0800);
        long a = skp();
        long b = skp();
        long c = skp();
        long waiting = skp();
        finishAt(a, MONDAY_0800.plus(Duration.ofHours(1)));
        finishAt(b, MONDAY_0800.plus(Duration.ofHours(2)));
        finishAt(c, wib("2026-03-03T08:00"));
        // A week later a cuti is handed in; five minutes on, only the SKP left at step 1 is overdue.
        clock.set(wib("2026-03-10T08:00"));
        long fresh = cuti();
        clock.set(wib("2026-03-10T08:05"));

        MvcResult result = mvc.perform(get("/dasbor").with(user(users.loadUserByUsername("kadis"))))
                .andExpect(status().isOk()).andReturn();
        DashboardQueries.Dashboard d = dashboard(result);
        assertThat(d.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(d.openCases()).isEqualTo(2);
        assertThat(d.bySop()).extracting(DashboardQueries.OpenBySop::sopCode, DashboardQueries.OpenBySop::openCases)
                .containsExactlyInAnyOrder(tuple("UMM-06", 1L), tuple("UMM-20", 1L));
        // Both wait for Staf Kepegawaian, a jabatan of the Sub Bagian Umum.
        assertThat(d.byUnit()).extracting(DashboardQueries.OpenByUnit::unitCode, DashboardQueries.OpenByUnit::openCases)
                .containsExactly(tuple("SUBBAG-UMUM", 2L));
        assertThat(d.overdue()).extracting(DashboardQueries.OverdueTask::caseId, DashboardQueries.OverdueTask::step)
                .containsExactly(tuple(waiting, 1));
        WorkingCalendar calendar = calendars.calendarFor(OFFICE);
        DashboardQueries.OverdueTask late = d.overdue().get(0);
        assertThat(late.workingMinutesLate()).isEqualTo(calendar.workingMinutesBetween(late.deadline(), clock.instant()))
                .isGreaterThan(330L * 5);

        long oneHour = calendar.workingMinutesBetween(MONDAY_0800, MONDAY_0800.plus(Duration.ofHours(1)));
        long twoHours = calendar.workingMinutesBetween(MONDAY_0800, MONDAY_0800.plus(Duration.ofHours(2)));
        long oneDay = calendar.workingMinutesBetween(MONDAY_0800, wib("2026-03-03T08:00"));
        assertThat(List.of(oneHour, twoHours, oneDay)).containsExactly(44L, 88L, 330L);
        assertThat(d.durations()).hasSize(1);
        DashboardQueries.MonthDuration skp = d.durations().get(0);
        assertThat(skp.sopCode()).isEqualTo("UMM-20");
        assertThat(skp.closedCases()).isEqualTo(3);
        assertThat(skp.medianMinutes()).isEqualTo(twoHours);
        assertThat(skp.p90Minutes()).isEqualTo(oneDay);
        assertThat(skp.standardMinutes()).isEqualTo(70L);
        assertThat(skp.medianOverStandard()).isTrue();

        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("href=\"/kasus/" + waiting + "\"")
                .contains(cases.detail(waiting).registrationNo())
                .doesNotContain("href=\"/kasus/" + fresh + "\"")
                .contains("Lama penyelesaian kasus yang selesai pada bulan 2026-03")
                .contains("88 ▲").contains("70 menit");

        // February: only the case closed then; an administrator sees the dashboard too, in English if asked.
        MvcResult feb = mvc.perform(get("/dasbor").param("bulan", "2026-02").param("lang", "en")
                        .with(user(users.loadUserByUsername("kasubbag.umum"))))
                .andExpect(status().isOk()).andReturn();
        assertThat(dashboard(feb).durations()).extracting(DashboardQueries.MonthDuration::closedCases)
                .containsExactly(1);
        assertThat(dashboard(feb).durations().get(0).medianMinutes()).isEqualTo(44L);
        assertThat(feb.getResponse().getContentAsString()).contains("Duration of the cases closed in 2026-02");

        // A month that is not one shows this month with a note, never an error page.
        MvcResult bad = mvc.perform(get("/dasbor").param("bulan", "<script>").param("lang", "id")
                        .with(user(users.loadUserByUsername("kadis"))))
                .andExpect(status().isOk()).andReturn();
        assertThat(dashboard(bad).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(bad.getResponse().getContentAsString()).contains("Bulan tidak sah").doesNotContain("<script>");
    }
}
