package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.SopMetrics;

import java.time.Instant;
import java.util.List;

/**
 * The monitoring form of one office and semester (PermenPAN-RB 35/2012, Tabel 7): a row per SOP with the verdict,
 * the Catatan Hasil Penilaian, the Tindakan yang Harus Diambil and the evaluator's paraf, beside the figures and
 * the verdict they suggest.
 *
 * @param id      null while nothing of it is stored
 * @param version the form's version, to pass back when signing off (-1 while nothing is stored)
 */
public record MonitoringForm(String officeCode, int year, int half, Period period, Long id, FormStatus status,
                             String signedBy, Instant signedAt, int version, int minutesPerDay, List<Row> rows) {

    public MonitoringForm {
        rows = List.copyOf(rows);
    }

    /**
     * @param metrics    the SOP's figures in the semester, null when nothing of it happened
     * @param suggestion what the figures suggest now
     * @param reason     the reason stored with the row (as seen when saved), or the suggestion's while unsaved
     * @param version    the row's version to pass back when saving it, null while unsaved (pre-filled)
     */
    public record Row(String sopCode, String title, SopMetrics metrics, Suggestion suggestion, Verdict verdict,
                      String reason, String catatan, String tindakan, String parafBy, Instant parafAt,
                      Integer version) {
        public boolean saved() {
            return version != null;
        }
    }

    public boolean signed() {
        return status == FormStatus.SIGNED;
    }

    public long count(Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    public Row row(String sopCode) {
        return rows.stream().filter(r -> r.sopCode().equals(sopCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SOP " + sopCode + " in the monitoring form"));
    }
}
