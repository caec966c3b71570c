package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Bottleneck;
import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static id.sopan.reports.Finding.Weight.FACT;
import static id.sopan.reports.Finding.Weight.NOTE;
import static id.sopan.reports.Finding.Weight.SERIOUS;

/**
 * The verdict the figures suggest for the monitoring form: a SOP "tidak berjalan dengan baik" when it was not run
 * at all, when its cases took more than half again its standard time, when fewer than 80% of its steps met their
 * Waktu, or when one of its decisions returned the file at least half of the time. The evaluator may decide
 * otherwise; the reasons stay beside the verdict.
 */
public final class MonitoringRules {

    /** A median beyond standard × this is "slow". */
    public static final double SLOW_FACTOR = 1.5;
    /** An on-time share below this is "late". */
    public static final double MIN_ON_TIME = 0.8;
    /** A decision returning at least this share of files asks for clearer Kelengkapan. */
    public static final double RETURN_SHARE = 0.5;

    private MonitoringRules() {
    }

    /**
     * @param metrics       the SOP's figures over the period, null when nothing of it happened
     * @param minutesPerDay working minutes of the office's working day, to word durations in days as well
     */
    public static Suggestion suggest(SopMetrics metrics, int minutesPerDay) {
        if (metrics == null || metrics.casesStarted() == 0 && metrics.tasks().done() == 0) {
            return new Suggestion(Verdict.TIDAK_BAIK, List.of(new Finding("notRun", SERIOUS, List.of())));
        }
        List<Finding> findings = new ArrayList<>();
        Durations d = metrics.durations();
        String steps = steps(metrics.bottlenecks());
        if (d != null && d.standardMinutes() != null && d.medianMinutes() > SLOW_FACTOR * d.standardMinutes()) {
            findings.add(new Finding("slow", SERIOUS, List.of(d.medianMinutes(), days(d.medianMinutes(), minutesPerDay),
                    d.standardMinutes(), days(d.standardMinutes(), minutesPerDay), steps)));
        } else if (d != null && d.medianOverStandard()) {
            findings.add(new Finding("overStandard", NOTE, List.of(d.medianMinutes(),
                    days(d.medianMinutes(), minutesPerDay), d.standardMinutes(), days(d.standardMinutes(), minutesPerDay),
                    steps)));
        }
        Double share = metrics.tasks().share();
        if (share != null && share < MIN_ON_TIME) {
            findings.add(new Finding("late", SERIOUS, List.of(share, metrics.tasks().onTime(),
                    metrics.tasks().withDeadline(), steps)));
        }
        for (Revisions r : metrics.revisions()) {
            if (r.share() != null && r.share() >= RETURN_SHARE) {
                findings.add(new Finding("returns", SERIOUS, List.of(r.step(), r.share(), r.returns(), r.decisions())));
            }
        }
        boolean serious = findings.stream().anyMatch(Finding::serious);
        if (!serious) {
            List<Finding> good = new ArrayList<>();
            good.add(new Finding("good", NOTE, List.of(metrics.casesStarted(), metrics.casesFinished())));
            if (share != null) {
                good.add(new Finding("onTime", FACT, List.of(share, metrics.tasks().onTime(),
                        metrics.tasks().withDeadline())));
            }
            if (d != null && d.standardMinutes() != null && !d.medianOverStandard()) {
                good.add(new Finding("withinStandard", FACT, List.of(d.medianMinutes(),
                        days(d.medianMinutes(), minutesPerDay), d.standardMinutes(),
                        days(d.standardMinutes(), minutesPerDay))));
            }
            findings.addAll(0, good);
        }
        return new Suggestion(serious ? Verdict.TIDAK_BAIK : Verdict.BAIK, findings);
    }

    static double days(long minutes, int minutesPerDay) {
        return Math.round(10.0 * minutes / minutesPerDay) / 10.0;
    }

    private static String steps(List<Bottleneck> bottlenecks) {
        return bottlenecks.isEmpty() ? "-"
                : bottlenecks.stream().map(b -> String.valueOf(b.step())).collect(Collectors.joining(", "));
    }
}
