package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.SopMetrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The yearly evaluation of one office (Perbup Pasal 10): per SOP the seven PermenPAN-RB criteria answered Ya/Tidak
 * by the evaluator, beside the year's figures and the monitoring verdict they suggest; and the recommendations
 * derived from the figures and the answers.
 *
 * @param id      null while nothing of it is stored
 * @param version the form's version, to pass back when signing off (-1 while nothing is stored)
 */
public record EvaluationForm(String officeCode, int year, Period period, Long id, FormStatus status, String signedBy,
                             Instant signedAt, int version, int minutesPerDay, List<Row> rows,
                             List<Recommendation> recommendations) {

    public EvaluationForm {
        rows = List.copyOf(rows);
        recommendations = List.copyOf(recommendations);
    }

    /**
     * @param metrics the SOP's figures in the year, null when nothing of it happened
     * @param answers Ya (true) / Tidak (false) per criterion answered so far
     * @param version the row's version to pass back when saving it, null while unsaved
     */
    public record Row(String sopCode, String title, SopMetrics metrics, Suggestion suggestion,
                      Map<Criterion, Boolean> answers, String catatan, String evaluatedBy, Instant evaluatedAt,
                      Integer version) {

        public Row {
            answers = Map.copyOf(answers);
        }

        public boolean complete() {
            return answers.size() == Criterion.values().length;
        }

        public Boolean answer(Criterion criterion) {
            return answers.get(criterion);
        }

        public List<Criterion> notMet() {
            return answers.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().toList();
        }
    }

    public Row row(String sopCode) {
        return rows.stream().filter(r -> r.sopCode().equals(sopCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SOP " + sopCode + " in the evaluation form"));
    }

    public boolean signed() {
        return status == FormStatus.SIGNED;
    }

    /** SOPs whose seven criteria are all answered. */
    public long completeRows() {
        return rows.stream().filter(Row::complete).count();
    }

    public List<Recommendation> recommendations(Recommendation.Area area) {
        return recommendations.stream().filter(r -> r.area() == area).toList();
    }
}
