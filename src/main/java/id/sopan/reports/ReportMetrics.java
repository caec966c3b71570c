package id.sopan.reports;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.catalog.CatalogService;
import id.sopan.sop.TotalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The monitoring figures of an office over a period, from what really happened in its cases (issue 6).
 * <p>
 * Counts, on-time shares and revision rounds are SQL aggregations ({@link ReportQueries}), each an indexed range
 * scan over one office and one time column ({@code V8__report_indexes.sql}). A task counts in the period it ended
 * in; it is on time when {@code ended_at <= deadline_at} (tasks without a deadline are done but not in the share).
 * <p>
 * Times are <b>working minutes on the office calendar</b> ({@link WorkingCalendar#workingMinutesBetween}), which
 * SQL cannot compute, so they are computed here in Java over small sets fetched by SQL: the lateness of the
 * period's <i>late</i> tasks only, and the durations (start to close) of the period's <i>closed</i> cases only.
 * Medians and the p90 are nearest-rank percentiles (the smallest value with at least that share at or below it).
 */
@Service
public class ReportMetrics {

    /** At most this many bottleneck steps per SOP (those with the largest average overrun). */
    public static final int MAX_BOTTLENECKS = 3;

    /** A half-open period {@code [from, to)}. */
    public record Period(Instant from, Instant to) {
        public Period {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("empty period " + from + " .. " + to);
            }
        }
    }

    /** Tasks done and how many of those with a deadline met it. */
    public record OnTime(long done, long withDeadline, long onTime) {
        /** The on-time share among tasks with a deadline, or null when none had one. */
        public Double share() {
            return withDeadline == 0 ? null : (double) onTime / withDeadline;
        }
    }

    /**
     * "Belum sesuai" returns of one decision step in the period.
     *
     * @param decisions the step's finished tasks in the period (each a decision, returned or not)
     */
    public record Revisions(int step, long returns, long decisions) {
        /** The share of the step's decisions that returned the file, or null when none was finished. */
        public Double share() {
            return decisions == 0 ? null : (double) returns / decisions;
        }
    }

    /**
     * @param averageOverrunMinutes working minutes past the deadline averaged over the step's finished tasks with a
     *                              deadline (on-time tasks count as 0)
     */
    public record Bottleneck(int step, long tasks, long lateTasks, double averageOverrunMinutes) {
    }

    /**
     * Durations of the period's closed cases of one SOP, start to close, in working minutes.
     *
     * @param standardMinutes the SOP's standard total in working minutes (of the version the newest case followed),
     *                        or null when it is not one number (calendar months, steps without a time)
     */
    public record Durations(int closedCases, long medianMinutes, long p90Minutes, Long standardMinutes) {
        public boolean medianOverStandard() {
            return standardMinutes != null && medianMinutes > standardMinutes;
        }

        public boolean p90OverStandard() {
            return standardMinutes != null && p90Minutes > standardMinutes;
        }
    }

    /** @param durations null when no case of the SOP closed in the period */
    public record SopMetrics(String sopCode, long casesStarted, long casesFinished, OnTime tasks,
                             List<Revisions> revisions, List<Bottleneck> bottlenecks, Durations durations) {
    }

    /**
     * Tasks of one jabatan (a candidate of the task) or one employee (who claimed it).
     *
     * @param medianLatenessMinutes nearest-rank median working minutes past the deadline of the late ones, or null
     */
    public record WorkerMetrics(String key, OnTime tasks, long lateTasks, Long medianLatenessMinutes) {
    }

    public record MonthMetrics(YearMonth month, long casesStarted, long casesFinished, OnTime tasks) {
    }

    public record Report(String officeCode, Period period, List<SopMetrics> bySop, List<WorkerMetrics> byJabatan,
                         List<WorkerMetrics> byEmployee) {
    }

    private final JdbcClient jdbc;
    private final CalendarService calendars;
    private final CatalogService catalog;
    private final TransactionTemplate readTx;

    ReportMetrics(JdbcClient jdbc, CalendarService calendars, CatalogService catalog,
                  PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.catalog = catalog;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** The month in the office's zone. */
    public Period month(String officeCode, YearMonth month) {
        return months(officeCode, month, month);
    }

    /** From the first day of {@code first} to the end of {@code last}, in the office's zone. */
    public Period months(String officeCode, YearMonth first, YearMonth last) {
        WorkingCalendar calendar = calendars.calendarFor(officeCode);
        return new Period(first.atDay(1).atStartOfDay(calendar.zone()).toInstant(),
                last.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant());
    }

    /** Semester {@code half} (1: January–June, 2: July–December) of {@code year}, in the office's zone. */
    public Period halfYear(String officeCode, int year, int half) {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half must be 1 or 2: " + half);
        }
        YearMonth first = YearMonth.of(year, half == 1 ? 1 : 7);
        return months(officeCode, first, first.plusMonths(5));
    }

    /** Every figure of the office over the period, per SOP, per jabatan and per employee. */
    public Report report(String officeCode, Period period) {
        WorkingCalendar calendar = calendars.calendarFor(officeCode);
        return readTx.execute(s -> {
            Map<String, Long> started = countsBySop(ReportQueries.CASES_STARTED_BY_SOP, officeCode, period);
            Map<String, Long> closed = countsBySop(ReportQueries.CASES_CLOSED_BY_SOP, officeCode, period);
            Map<String, Map<Integer, OnTime>> steps = new TreeMap<>();
            query(ReportQueries.TASKS_BY_SOP_STEP, officeCode, period).query((rs, n) -> {
                steps.computeIfAbsent(rs.getString("sop_code"), k -> new TreeMap<>())
                        .put(rs.getInt("step_no"), onTime(rs));
                return null;
            }).list();
            Map<String, List<Revisions>> revisions = new HashMap<>();
            query(ReportQueries.RETURNS_BY_SOP_STEP, officeCode, period).query((rs, n) -> {
                revisions.computeIfAbsent(rs.getString("sop_code"), k -> new ArrayList<>())
                        .add(new Revisions(rs.getInt("from_step"), rs.getLong("n"),
                                steps.getOrDefault(rs.getString("sop_code"), Map.of())
                                        .getOrDefault(rs.getInt("from_step"), new OnTime(0, 0, 0)).done()));
                return null;
            }).list();
            List<Late> late = query(ReportQueries.LATE_TASKS, officeCode, period).query((rs, n) -> new Late(
                    rs.getLong("id"), rs.getString("sop_code"), rs.getInt("step_no"), rs.getString("claimed_by"),
                    calendar.workingMinutesBetween(instant(rs, "deadline_at"), instant(rs, "ended_at")))).list();
            Map<Long, List<String>> lateJabatan = new HashMap<>();
            query(ReportQueries.LATE_TASK_JABATAN, officeCode, period).query((rs, n) -> {
                lateJabatan.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>())
                        .add(rs.getString("jabatan_code"));
                return null;
            }).list();
            Map<String, List<Closed>> closedCases = new HashMap<>();
            query(ReportQueries.CLOSED_CASES, officeCode, period).query((rs, n) -> {
                Closed c = new Closed(rs.getLong("sop_version_id"),
                        calendar.workingMinutesBetween(instant(rs, "started_at"), instant(rs, "ended_at")));
                closedCases.computeIfAbsent(rs.getString("sop_code"), k -> new ArrayList<>()).add(c);
                return null;
            }).list();

            TreeSet<String> codes = new TreeSet<>(started.keySet());
            codes.addAll(closed.keySet());
            codes.addAll(steps.keySet());
            codes.addAll(revisions.keySet());
            List<SopMetrics> bySop = new ArrayList<>();
            for (String code : codes) {
                Map<Integer, OnTime> perStep = steps.getOrDefault(code, Map.of());
                long done = 0;
                long withDeadline = 0;
                long onTime = 0;
                for (OnTime t : perStep.values()) {
                    done += t.done();
                    withDeadline += t.withDeadline();
                    onTime += t.onTime();
                }
                bySop.add(new SopMetrics(code, started.getOrDefault(code, 0L), closed.getOrDefault(code, 0L),
                        new OnTime(done, withDeadline, onTime), revisions.getOrDefault(code, List.of()),
                        bottlenecks(code, perStep, late), durations(closedCases.get(code), calendar)));
            }
            Map<String, List<Long>> latenessByJabatan = new HashMap<>();
            Map<String, List<Long>> latenessByEmployee = new HashMap<>();
            for (Late l : late) {
                for (String jabatan : lateJabatan.getOrDefault(l.taskId(), List.of())) {
                    latenessByJabatan.computeIfAbsent(jabatan, k -> new ArrayList<>()).add(l.minutes());
                }
                if (l.claimedBy() != null) {
                    latenessByEmployee.computeIfAbsent(l.claimedBy(), k -> new ArrayList<>()).add(l.minutes());
                }
            }
            return new Report(officeCode, period,
                    bySop, workers(ReportQueries.TASKS_BY_JABATAN, officeCode, period, latenessByJabatan),
                    workers(ReportQueries.TASKS_BY_EMPLOYEE, officeCode, period, latenessByEmployee));
        });
    }

    /** Cases started, cases finished and tasks done in each month from {@code first} to {@code last}. */
    public List<MonthMetrics> monthly(String officeCode, YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last month before first: " + first + " .. " + last);
        }
        return readTx.execute(s -> {
            List<MonthMetrics> result = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                Period p = month(officeCode, m);
                long started = query(ReportQueries.CASES_STARTED, officeCode, p).query(Long.class).single();
                long finished = query(ReportQueries.CASES_CLOSED, officeCode, p).query(Long.class).single();
                OnTime tasks = query(ReportQueries.TASKS, officeCode, p).query((rs, n) -> onTime(rs)).single();
                result.add(new MonthMetrics(m, started, finished, tasks));
            }
            return result;
        });
    }

    private record Late(long taskId, String sopCode, int step, String claimedBy, long minutes) {
    }

    private record Closed(long versionId, long minutes) {
    }

    private List<Bottleneck> bottlenecks(String code, Map<Integer, OnTime> perStep, List<Late> late) {
        Map<Integer, long[]> overrun = new HashMap<>();
        for (Late l : late) {
            if (l.sopCode().equals(code)) {
                long[] sumAndCount = overrun.computeIfAbsent(l.step(), k -> new long[2]);
                sumAndCount[0] += l.minutes();
                sumAndCount[1]++;
            }
        }
        List<Bottleneck> result = new ArrayList<>();
        overrun.forEach((step, sumAndCount) -> {
            long withDeadline = perStep.getOrDefault(step, new OnTime(0, 0, 0)).withDeadline();
            long tasks = Math.max(withDeadline, sumAndCount[1]);
            result.add(new Bottleneck(step, tasks, sumAndCount[1], (double) sumAndCount[0] / tasks));
        });
        result.sort(Comparator.comparingDouble(Bottleneck::averageOverrunMinutes).reversed()
                .thenComparingInt(Bottleneck::step));
        return List.copyOf(result.subList(0, Math.min(MAX_BOTTLENECKS, result.size())));
    }

    private Durations durations(List<Closed> cases, WorkingCalendar calendar) {
        if (cases == null || cases.isEmpty()) {
            return null;
        }
        List<Long> minutes = cases.stream().map(Closed::minutes).sorted().toList();
        // CLOSED_CASES is ordered by close time: the last case followed the newest version of the period.
        TotalTime standard = catalog.version(cases.get(cases.size() - 1).versionId()).definition().totalTime();
        Long standardMinutes = standard.calendarMonths() == 0 && standard.unknownSteps() == 0
                ? (long) standard.workingMinutes() + (long) standard.workingDays() * calendar.minutesPerWorkingDay()
                : null;
        return new Durations(minutes.size(), nearestRank(minutes, 50), nearestRank(minutes, 90), standardMinutes);
    }

    private List<WorkerMetrics> workers(String sql, String officeCode, Period period, Map<String, List<Long>> lateness) {
        return query(sql, officeCode, period).query((rs, n) -> {
            String key = rs.getString("grp");
            List<Long> late = lateness.getOrDefault(key, List.of()).stream().sorted().toList();
            return new WorkerMetrics(key, onTime(rs), late.size(), late.isEmpty() ? null : nearestRank(late, 50));
        }).list();
    }

    private JdbcClient.StatementSpec query(String sql, String officeCode, Period period) {
        return jdbc.sql(sql).param("office", officeCode)
                .param("from", period.from().atOffset(ZoneOffset.UTC))
                .param("to", period.to().atOffset(ZoneOffset.UTC));
    }

    private Map<String, Long> countsBySop(String sql, String officeCode, Period period) {
        Map<String, Long> result = new HashMap<>();
        query(sql, officeCode, period).query((rs, n) -> result.put(rs.getString("sop_code"), rs.getLong("n"))).list();
        return result;
    }

    private static OnTime onTime(ResultSet rs) throws SQLException {
        return new OnTime(rs.getLong("done"), rs.getLong("with_deadline"), rs.getLong("on_time"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The nearest-rank percentile of ascending values: the smallest value with at least {@code percent}% at or below it. */
    static long nearestRank(List<Long> ascending, int percent) {
        if (ascending.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(percent / 100.0 * ascending.size());
        return ascending.get(Math.max(rank, 1) - 1);
    }
}
