package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Bottleneck;
import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.OnTime;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.sop.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdicts the figures suggest, at the edges of each rule. */
class MonitoringRulesTest {

    static final Messages ID = Messages.forLocale(Messages.INDONESIAN);
    static final int DAY = 330;

    static SopMetrics sop(OnTime tasks, List<Revisions> revisions, Durations durations) {
        return new SopMetrics("UMM-06", 10, 10, tasks, revisions, List.of(new Bottleneck(5, 10, 3, 12.5)), durations);
    }

    @Test
    void aSopNobodyRanIsNotWorkingWell() {
        assertThat(MonitoringRules.suggest(null, DAY).verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        Suggestion idle = MonitoringRules.suggest(new SopMetrics("UMM-01", 0, 0, new OnTime(0, 0, 0), List.of(),
                List.of(), null), DAY);
        assertThat(idle.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(idle.findings()).extracting(Finding::key).containsExactly("notRun");
    }

    @Test
    void theMedianMayExceedTheStandardByHalfBeforeTheVerdictTurns() {
        Suggestion atTheLimit = MonitoringRules.suggest(sop(new OnTime(10, 10, 10), List.of(),
                new Durations(10, 330, 400, 220L)), DAY);
        assertThat(atTheLimit.verdict()).isEqualTo(Verdict.BAIK);
        assertThat(atTheLimit.findings()).extracting(Finding::key).containsExactly("good", "onTime", "overStandard");
        assertThat(atTheLimit.action(ID)).isEqualTo("Pertahankan pelaksanaan SOP sebagaimana adanya."
                + " Pantau langkah 5 pada periode berikutnya.");

        Suggestion slow = MonitoringRules.suggest(sop(new OnTime(10, 10, 10), List.of(),
                new Durations(10, 331, 400, 220L)), DAY);
        assertThat(slow.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(slow.reason(ID)).isEqualTo("Median lama penyelesaian 331 menit kerja (1 hari kerja) melebihi"
                + " standar 220 menit kerja (0,7 hari kerja) lebih dari separuhnya.");
        assertThat(slow.action(ID)).isEqualTo("Tinjau beban kerja pelaksana dan Waktu pada Mutu Baku, terutama"
                + " langkah 5.");
    }

    @Test
    void fewerThanEightyPercentOnTimeIsNotWorkingWell() {
        assertThat(MonitoringRules.suggest(sop(new OnTime(10, 10, 8), List.of(), null), DAY).verdict())
                .isEqualTo(Verdict.BAIK);
        Suggestion late = MonitoringRules.suggest(sop(new OnTime(12, 10, 7), List.of(), null), DAY);
        assertThat(late.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(late.reason(ID)).isEqualTo("Hanya 70% langkah (7 dari 10) selesai dalam Waktu Mutu Baku.");
    }

    @Test
    void aDecisionReturningHalfTheFilesAsksForClearerKelengkapan() {
        assertThat(MonitoringRules.suggest(sop(new OnTime(10, 10, 10), List.of(new Revisions(2, 4, 9)), null), DAY)
                .verdict()).isEqualTo(Verdict.BAIK);
        Suggestion returns = MonitoringRules.suggest(sop(new OnTime(10, 10, 10),
                List.of(new Revisions(2, 1, 9), new Revisions(4, 5, 10)), null), DAY);
        assertThat(returns.verdict()).isEqualTo(Verdict.TIDAK_BAIK);
        assertThat(returns.findings()).extracting(Finding::key).containsExactly("returns");
        assertThat(returns.reason(ID)).isEqualTo("Langkah 4 mengembalikan berkas untuk diperbaiki pada 50%"
                + " keputusan (5 dari 10).");
    }
}
