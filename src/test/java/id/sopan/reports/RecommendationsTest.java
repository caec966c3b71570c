package id.sopan.reports;

import id.sopan.reports.Recommendation.Area;
import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.OnTime;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;
import id.sopan.sop.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation's recommendations cover the three areas of Pasal 10(3), each from its own figures. */
class RecommendationsTest {

    static final Messages ID = Messages.forLocale(Messages.INDONESIAN);

    @Test
    void eachRuleNamesItsSubjectAndEveryAreaIsCovered() {
        Report year = new Report("DKUKM", new Period(Instant.parse("2025-12-31T17:00:00Z"),
                Instant.parse("2026-12-31T17:00:00Z")),
                List.of(new SopMetrics("UMM-06", 40, 38, new OnTime(400, 400, 300),
                                List.of(new Revisions(2, 36, 40)), List.of(), new Durations(38, 700, 900, 225L)),
                        new SopMetrics("KEU-01", 5, 5, new OnTime(50, 50, 50), List.of(), List.of(),
                                new Durations(5, 100, 120, null))),
                List.of(new WorkerMetrics("KADIS", new OnTime(40, 40, 20), 20, 90L),
                        new WorkerMetrics("SEKDIS", new OnTime(4, 4, 0), 4, 30L)),
                List.of(new WorkerMetrics("kadis", new OnTime(40, 40, 39), 1, 5L)), List.of());
        List<Recommendation> all = Recommendations.derive(year, new Recommendations.Context(2026, 330,
                List.of("UMM-06", "KEU-01", "PRG-01"), code -> "SOP " + code, code -> code.equals("KADIS") ? "Kepala Dinas" : code,
                username -> "Pegawai " + username, Map.of("KEU-01", EnumSet.of(Criterion.MUDAH_DIPAHAMI))));

        assertThat(all).extracting(Recommendation::area, Recommendation::key, Recommendation::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Area.KINERJA_PEGAWAI, "jabatanLate", "KADIS"),
                        org.assertj.core.groups.Tuple.tuple(Area.OPERASIONAL_PELAYANAN, "slow", "UMM-06"),
                        org.assertj.core.groups.Tuple.tuple(Area.OPERASIONAL_PELAYANAN, "returns", "UMM-06"),
                        org.assertj.core.groups.Tuple.tuple(Area.OPERASIONAL_PELAYANAN, "late", "UMM-06"),
                        org.assertj.core.groups.Tuple.tuple(Area.RENCANA_PENYELENGGARAAN, "noStandard", "KEU-01"),
                        org.assertj.core.groups.Tuple.tuple(Area.RENCANA_PENYELENGGARAAN, "neverRun", "PRG-01"),
                        org.assertj.core.groups.Tuple.tuple(Area.RENCANA_PENYELENGGARAAN, "criteria", "KEU-01"),
                        org.assertj.core.groups.Tuple.tuple(Area.RENCANA_PENYELENGGARAAN, "busiest", "UMM-06"));
        // SEKDIS was late four times out of four, but four tasks are too few to judge.
        assertThat(all.get(0).text(ID)).isEqualTo("Jabatan Kepala Dinas: 50% dari 40 tugas selesai tepat waktu,"
                + " median keterlambatan 90 menit kerja. Tinjau beban kerja dan berikan pembinaan.");
        assertThat(all.get(2).text(ID)).contains("langkah 2 mengembalikan berkas pada 90% keputusan (36 dari 40)");
    }

    @Test
    void anAreaWithNothingToRecommendSaysSo() {
        Report quiet = new Report("DKUKM", new Period(Instant.parse("2025-12-31T17:00:00Z"),
                Instant.parse("2026-12-31T17:00:00Z")),
                List.of(new SopMetrics("UMM-06", 3, 3, new OnTime(30, 30, 30), List.of(), List.of(),
                        new Durations(3, 100, 120, 225L))), List.of(), List.of(), List.of());
        List<Recommendation> all = Recommendations.derive(quiet, new Recommendations.Context(2026, 330,
                List.of("UMM-06"), code -> code, code -> code, code -> code, Map.of()));
        assertThat(all).extracting(Recommendation::key).containsExactly("none.KINERJA_PEGAWAI",
                "none.OPERASIONAL_PELAYANAN", "busiest");
        assertThat(all.get(0).text(ID)).startsWith("Pada tahun 2026 setiap jabatan dan pegawai");
    }
}
