package id.sopan.reports;

import id.sopan.reports.Recommendation.Area;
import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recommendations of the yearly evaluation, derived from a year's figures and the evaluator's answers, in the
 * three areas of Pasal 10(3). An area with nothing to recommend says so, so that each is always covered.
 */
public final class Recommendations {

    /** A step returning at least this share of files is "nearly always returned". */
    public static final double NEARLY_ALWAYS = 0.8;
    /** Jabatan and employees are judged on at least this many tasks with a deadline. */
    public static final int MIN_TASKS = 5;

    /** What the rules read besides the figures. */
    public record Context(int year, int minutesPerDay, Collection<String> berlakuSops,
                          Function<String, String> sopTitle, Function<String, String> jabatanName,
                          Function<String, String> employeeName, Map<String, Set<Criterion>> criteriaNotMet) {
    }

    private Recommendations() {
    }

    public static List<Recommendation> derive(Report year, Context c) {
        List<Recommendation> result = new ArrayList<>();
        Map<String, SopMetrics> bySop = year.bySop().stream()
                .collect(Collectors.toMap(SopMetrics::sopCode, Function.identity()));

        for (SopMetrics m : year.bySop()) {
            String title = c.sopTitle().apply(m.sopCode());
            Durations d = m.durations();
            if (d != null && d.standardMinutes() != null
                    && d.medianMinutes() > MonitoringRules.SLOW_FACTOR * d.standardMinutes()) {
                result.add(new Recommendation(Area.OPERASIONAL_PELAYANAN, "slow", m.sopCode(), List.of(m.sopCode(),
                        title, MonitoringRules.days(d.medianMinutes(), c.minutesPerDay()),
                        MonitoringRules.days(d.standardMinutes(), c.minutesPerDay()), steps(m))));
            }
            for (Revisions r : m.revisions()) {
                if (r.share() != null && r.share() >= NEARLY_ALWAYS) {
                    result.add(new Recommendation(Area.OPERASIONAL_PELAYANAN, "returns", m.sopCode(),
                            List.of(m.sopCode(), title, r.step(), r.share(), r.returns(), r.decisions())));
                }
            }
            Double share = m.tasks().share();
            if (share != null && share < MonitoringRules.MIN_ON_TIME) {
                result.add(new Recommendation(Area.OPERASIONAL_PELAYANAN, "late", m.sopCode(),
                        List.of(m.sopCode(), title, share, steps(m))));
            }
        }
        workers(result, year.byJabatan(), "jabatanLate", c.jabatanName());
        workers(result, year.byEmployee(), "employeeLate", c.employeeName());

        for (String code : c.berlakuSops()) {
            SopMetrics m = bySop.get(code);
            if (m == null || m.casesStarted() == 0 && m.tasks().done() == 0) {
                result.add(new Recommendation(Area.RENCANA_PENYELENGGARAAN, "neverRun", code,
                        List.of(code, c.sopTitle().apply(code), c.year())));
            } else if (m.durations() != null && m.durations().standardMinutes() == null) {
                result.add(new Recommendation(Area.RENCANA_PENYELENGGARAAN, "noStandard", code,
                        List.of(code, c.sopTitle().apply(code))));
            }
        }
        c.criteriaNotMet().forEach((code, criteria) -> {
            if (!criteria.isEmpty()) {
                result.add(new Recommendation(Area.RENCANA_PENYELENGGARAAN, "criteria", code,
                        List.of(code, c.sopTitle().apply(code), criteria.stream()
                                .map(k -> String.valueOf(k.number())).collect(Collectors.joining(", ")))));
            }
        });
        year.bySop().stream().filter(m -> m.casesStarted() > 0)
                .max((a, b) -> Long.compare(a.casesStarted(), b.casesStarted()))
                .ifPresent(m -> result.add(new Recommendation(Area.RENCANA_PENYELENGGARAAN, "busiest", m.sopCode(),
                        List.of(m.sopCode(), c.sopTitle().apply(m.sopCode()), m.casesStarted()))));

        EnumSet<Area> covered = EnumSet.noneOf(Area.class);
        result.forEach(r -> covered.add(r.area()));
        for (Area area : Area.values()) {
            if (!covered.contains(area)) {
                result.add(new Recommendation(area, "none." + area.name(), null, List.of(c.year())));
            }
        }
        result.sort((a, b) -> a.area().compareTo(b.area()));
        return List.copyOf(result);
    }

    private static void workers(List<Recommendation> result, List<WorkerMetrics> workers, String key,
                                Function<String, String> name) {
        for (WorkerMetrics w : workers) {
            Double share = w.tasks().share();
            if (share != null && w.tasks().withDeadline() >= MIN_TASKS && share < MonitoringRules.MIN_ON_TIME) {
                result.add(new Recommendation(Area.KINERJA_PEGAWAI, key, w.key(), List.of(name.apply(w.key()),
                        share, w.tasks().withDeadline(),
                        w.medianLatenessMinutes() == null ? 0L : w.medianLatenessMinutes())));
            }
        }
    }

    private static String steps(SopMetrics m) {
        return m.bottlenecks().isEmpty() ? "-" : m.bottlenecks().stream().map(b -> String.valueOf(b.step()))
                .collect(Collectors.joining(", "));
    }
}
