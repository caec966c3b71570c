package id.sopan.reports;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseService;
import id.sopan.organization.InvalidInputException;
import id.sopan.sop.Messages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static id.sopan.reports.ControlledHistory.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The monitoring form, the yearly evaluation and the six-monthly report's data over the controlled history
 * ({@link ControlledHistory}): pre-filled verdicts and their reasons, saving with version checks, sign-off, and the
 * derived recommendations; run on H2 and on PostgreSQL. Each test uses its own year or half, so they share one history.
 */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H"})
abstract class ReportFormsContract {

    static final Messages ID = Messages.forLocale(Messages.INDONESIAN);

    @Autowired
    CaseService cases;
    @Autowired
    MovableClock clock;
    @Autowired
    MonitoringService monitoring;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    SemesterReportService semesters;

    @Autowired
    ReportMetrics metrics;
    @Autowired
    ReportOverview overview;

    /** Once per database: the tests share the history (the class's tests share its application context). */
    @BeforeEach
    void history() {
        if (metrics.monthly(OFFICE, YearMonth.of(2026, 3), YearMonth.of(2026, 3)).get(0).casesStarted() == 0) {
            new ControlledHistory(cases, clock).threeCutiTahunanCases();
        }
        // The forms are filled in after the semester, in July.
        clock.set(ControlledHistory.MONDAY_0800.plus(Duration.ofDays(130)));
    }

    @Test
    void theMonitoringFormIsPrefilledFromTheFiguresWithTheReason() {
        MonitoringForm form = monitoring.form(OFFICE, 2026, 1);
        assertThat(form.id()).isNull();
        assertThat(form.version()).isEqualTo(-1);
        assertThat(form.rows()).hasSize(48);
        MonitoringForm.Row cuti = form.row("UMM-06");
        assertThat(cuti.saved()).isFalse();
        assertThat(cuti.verdict()).isEqualTo(Verdict.BAIK);
        assertThat(cuti.catatan()).isEqualTo("3 kasus dimulai dan 3 kasus selesai pada periode ini."
                + " 96,9% langkah (31 dari 32) selesai dalam Waktu Mutu Baku."
                + " Median lama penyelesaian 114 menit kerja (0,3 hari kerja) dalam standar 225 menit kerja"
                + " (0,7 hari kerja).");
        assertThat(cuti.tindakan()).isEqualTo("Pertahankan pelaksanaan SOP sebagaimana adanya.");
        MonitoringForm.Row idle = form.row("UMM-01");
        assertThat(idle.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(idle.catatan()).isEqualTo("Tidak ada kasus yang dijalankan dengan SOP ini pada periode ini.");
        assertThat(form.count(Verdict.BAIK)).isEqualTo(1);
        assertThat(form.count(Verdict.TIDAK_BAIK)).isEqualTo(47);
        // The same reason in English for an English reader.
        assertThat(cuti.suggestion().reason(Messages.forLocale(Locale.ENGLISH)))
                .startsWith("3 cases started and 3 cases finished in the period. 96.9% of the steps (31 of 32)");
    }

    @Test
    void anEvaluatorChangesARowWithAVersionCheckAndSignsTheFormOff() {
        MonitoringForm saved = monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2026, 2, "UMM-06",
                Verdict.TIDAK_BAIK, "Belum ada kasus pada semester ini.", "Sosialisasikan SOP.", null,
                "evaluator.organisasi"));
        MonitoringForm.Row row = saved.row("UMM-06");
        assertThat(row.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(row.parafBy()).isEqualTo("evaluator.organisasi");
        assertThat(row.version()).isZero();
        assertThat(saved.version()).isEqualTo(1);

        // A second evaluator working from the same page (row not yet saved) loses: nothing is overwritten.
        assertThatThrownBy(() -> monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2026, 2, "UMM-06",
                Verdict.BAIK, "", "", null, "inspektorat")))
                .isInstanceOfSatisfying(FormChangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormChangeException.Reason.CONFLICT))
                .hasMessageContaining("monitoring form DKUKM 2026/2, SOP UMM-06");
        assertThatThrownBy(() -> monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2026, 2, "UMM-06",
                Verdict.BAIK, "x".repeat(2001), "", 0, "inspektorat")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("catatan"));
        assertThatThrownBy(() -> monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2026, 2, "NOPE-1",
                Verdict.BAIK, "", "", null, "inspektorat")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sop"));

        assertThatThrownBy(() -> monitoring.signOff(OFFICE, 2026, 2, 0, "evaluator.organisasi"))
                .isInstanceOf(FormChangeException.class);
        MonitoringForm signed = monitoring.signOff(OFFICE, 2026, 2, 1, "evaluator.organisasi");
        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedBy()).isEqualTo("evaluator.organisasi");
        assertThat(signed.rows()).hasSize(48).allMatch(MonitoringForm.Row::saved);
        assertThat(signed.row("UMM-06").catatan()).isEqualTo("Belum ada kasus pada semester ini.");
        assertThat(signed.row("UMM-01").parafBy()).isEqualTo("evaluator.organisasi");

        assertThatThrownBy(() -> monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2026, 2, "UMM-06",
                Verdict.BAIK, "", "", 0, "evaluator.organisasi")))
                .isInstanceOfSatisfying(FormChangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormChangeException.Reason.SIGNED));
        assertThat(monitoring.history(OFFICE, 2026, 2)).extracting(ReportHistory::action)
                .containsExactly("SAVED", "SIGNED");
    }

    @Test
    void theEvaluationDerivesRecommendationsFromTheFiguresAndTheAnswers() {
        EvaluationForm form = evaluation.form(OFFICE, 2026);
        assertThat(form.rows()).hasSize(48);
        assertThat(form.row("UMM-06").metrics().casesStarted()).isEqualTo(3);
        List<Recommendation> plan = form.recommendations(Recommendation.Area.RENCANA_PENYELENGGARAAN);
        assertThat(plan).filteredOn(r -> r.key().equals("neverRun")).hasSize(47);
        assertThat(plan).filteredOn(r -> r.key().equals("busiest")).singleElement()
                .satisfies(r -> assertThat(r.text(ID)).isEqualTo(
                        "SOP UMM-06 (" + form.row("UMM-06").title() + ") paling banyak dijalankan (3 kasus)."
                                + " Rencanakan pelaksana dan sarana sesuai jumlah ini."));
        // Kadis was late once in three tasks: too few tasks to judge; no SOP ran slow: both areas say so.
        assertThat(form.recommendations(Recommendation.Area.KINERJA_PEGAWAI)).extracting(Recommendation::key)
                .containsExactly("none.KINERJA_PEGAWAI");
        assertThat(form.recommendations(Recommendation.Area.OPERASIONAL_PELAYANAN)).extracting(Recommendation::key)
                .containsExactly("none.OPERASIONAL_PELAYANAN");

        Map<Criterion, Boolean> answers = new java.util.EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            answers.put(c, c != Criterion.MUDAH_DIPAHAMI && c != Criterion.SINERGI);
        }
        EvaluationForm saved = evaluation.saveRow(new EvaluationService.SaveRow(OFFICE, 2026, "UMM-06", answers,
                "Formulir cuti sulit dipahami pemohon.", null, "evaluator.organisasi"));
        assertThat(saved.row("UMM-06").complete()).isTrue();
        assertThat(saved.recommendations(Recommendation.Area.RENCANA_PENYELENGGARAAN))
                .filteredOn(r -> r.key().equals("criteria")).singleElement()
                .satisfies(r -> assertThat(r.text(ID)).contains("belum memenuhi kriteria 2, 7."));

        assertThatThrownBy(() -> evaluation.signOff(OFFICE, 2026, saved.version(), "evaluator.organisasi"))
                .isInstanceOfSatisfying(FormChangeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormChangeException.Reason.INCOMPLETE);
                    assertThat(e.args()[0]).isEqualTo(47);
                });
    }

    @Test
    void theSemesterReportGathersTheFiguresAndTheEnteredTexts() {
        SemesterInput none = semesters.input(OFFICE, 2026, 1);
        assertThat(none.version()).isEqualTo(-1);
        List<SemesterInput.FinanceLine> lines = List.of(
                new SemesterInput.FinanceLine("Belanja Pegawai", new BigDecimal("1500000000"),
                        new BigDecimal("700000000.50"), ""),
                new SemesterInput.FinanceLine("Belanja Barang dan Jasa", new BigDecimal("800000000"),
                        new BigDecimal("200000000"), "Pengadaan tertunda"));
        SemesterInput saved = semesters.saveInput(OFFICE, 2026, 1, "Rencana kerja semester II.", lines, -1, "kadis");
        assertThat(saved.version()).isZero();
        assertThat(saved.finance()).hasSize(2);
        assertThat(saved.totalAnggaran()).isEqualByComparingTo("2300000000");
        assertThat(saved.totalRealisasi()).isEqualByComparingTo("900000000.50");
        assertThatThrownBy(() -> semesters.saveInput(OFFICE, 2026, 1, "lagi", lines, -1, "sekdis"))
                .isInstanceOf(FormChangeException.class);
        assertThatThrownBy(() -> semesters.saveInput(OFFICE, 2026, 1, "lagi", List.of(new SemesterInput.FinanceLine(
                "Belanja", new BigDecimal("-1"), BigDecimal.ZERO, "")), 0, "sekdis"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("finance[1].anggaran"));

        SemesterReport report = semesters.report(OFFICE, 2026, 1);
        assertThat(report.office().code()).isEqualTo(OFFICE);
        assertThat(report.sops()).hasSize(48);
        assertThat(report.months()).extracting(ReportMetrics.MonthMetrics::month)
                .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3),
                        YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        assertThat(report.months().get(2).casesStarted()).isEqualTo(3);
        assertThat(report.metrics().bySop()).singleElement()
                .satisfies(m -> assertThat(m.casesFinished()).isEqualTo(3));
        assertThat(report.monitoring().row("UMM-06").verdict()).isEqualTo(Verdict.BAIK);
        assertThat(report.input().rencanaKerja()).isEqualTo("Rencana kerja semester II.");
        assertThat(report.holders()).containsEntry("KADIS", 1L);
        assertThat(semesters.history(OFFICE, 2026, 1)).singleElement()
                .satisfies(h -> assertThat(h.username()).isEqualTo("kadis"));
    }

    @Test
    void theOverviewListsTheSemestersWithDataAndTheStateOfTheirForms() {
        // A form for a semester without cases makes it one with data.
        monitoring.saveRow(new MonitoringService.SaveRow(OFFICE, 2024, 1, "UMM-06", Verdict.BAIK, "", "", null,
                "inspektorat"));
        ReportOverview.Overview o = overview.overview(OFFICE);
        assertThat(o.currentYear()).isEqualTo(2026);
        assertThat(o.currentHalf()).isEqualTo(2);
        // Newest first: the current semester, the one of the three cases, then the form's; 2025 had nothing.
        assertThat(o.semesters()).extracting(s -> s.year() + "/" + s.half()).containsExactly("2026/2", "2026/1", "2024/1");
        assertThat(o.semesters().get(1).casesStarted()).isEqualTo(3);
        assertThat(o.semesters().get(2)).isEqualTo(new ReportOverview.Semester(2024, 1, 0, FormStatus.DRAFT, false));
        assertThat(o.years()).extracting(ReportOverview.Year::year).containsExactly(2026, 2024);
        assertThat(o.years().get(0).casesStarted()).isEqualTo(3);
    }
}
