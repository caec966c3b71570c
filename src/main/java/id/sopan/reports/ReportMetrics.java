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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
 * scan over one office and one period: cases from {@code case_file}, tasks from the daily tallies the engine keeps
 * as it finishes them ({@code V14__task_tally.sql}; timed over a year of a million tasks by
 * {@code SemesterReportBenchmark}); the period's months come from the same queries. A task counts in the period it
 * ended in; it is on time when {@code ended_at <= deadline_at} (tasks without a deadline are done but not in the
 * share). Periods therefore are whole months in the office's zone, as months, semesters and years are.
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
        OnTime plus(OnTime o) {
            return new OnTime(done + o.done, withDeadline + o.withDeadline, onTime + o.onTime);
        }

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

    /** @param months the period's months in order (the first and last only in part when the period cuts them) */
    public record Report(String officeCode, Period period, List<SopMetrics> bySop, List<WorkerMetrics> byJabatan,
                         List<WorkerMetrics> byEmployee, List<MonthMetrics> months) {
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

    /** Every figure of the office over the period, per SOP, per jabatan, per employee and per month. */
    public Report report(String officeCode, Period period) {
        WorkingCalendar calendar = calendars.calendarFor(officeCode);
        List<YearMonth> monthsOf = new ArrayList<>();
        Map<String, Object> bounds = bounds(period, calendar, monthsOf);
        int months = monthsOf.size();
        return readTx.execute(s -> {
            bounds.put("officeId", officeId(officeCode));
            Map<String, Long> started = new HashMap<>();
            long[] startedByMonth = new long[months + 1];
            jdbc.sql(ReportQueries.casesStarted(months)).params(bounds).query((rs, n) -> {
                long count = rs.getLong("n");
                started.merge(rs.getString("sop_code"), count, Long::sum);
                startedByMonth[rs.getInt("m")] += count;
                return null;
            }).list();
            Map<String, Map<Integer, OnTime>> steps = new TreeMap<>();
            Map<String, Map<Integer, Long>> returned = new HashMap<>();
            Map<String, OnTime> employees = new TreeMap<>();
            Map<String, OnTime> jabatan = new TreeMap<>();
            OnTime[] tasksByMonth = new OnTime[months + 1];
            Arrays.fill(tasksByMonth, NONE);
            jdbc.sql(ReportQueries.tasks(months)).params(bounds).query((rs, n) -> {
                OnTime t = onTime(rs);
                String sop = rs.getString("sop_code");
                int step = rs.getInt("step_no");
                steps.computeIfAbsent(sop, k -> new TreeMap<>()).merge(step, t, OnTime::plus);
                long returns = rs.getLong("returned");
                if (returns > 0) {
                    returned.computeIfAbsent(sop, k -> new TreeMap<>()).merge(step, returns, Long::sum);
                }
                String employee = rs.getString("claimed_by");
                if (!employee.isEmpty()) {
                    employees.merge(employee, t, OnTime::plus);
                }
                for (String code : jabatanOf(rs.getString("jabatan_codes"))) {
                    jabatan.merge(code, t, OnTime::plus);
                }
                int m = monthsOf.indexOf(YearMonth.from(rs.getObject("ended_month", LocalDate.class))) + 1;
                tasksByMonth[m] = tasksByMonth[m].plus(t);
                return null;
            }).list();
            List<Late> late = jdbc.sql(ReportQueries.lateTasks(months)).params(bounds)
                    .query((rs, n) -> new Late(rs.getString("sop_code"), rs.getInt("step_no"), rs.getString("claimed_by"),
                            calendar.workingMinutesBetween(instant(rs, "deadline_at"), instant(rs, "ended_at")),
                            jabatanOf(rs.getString("jabatan_codes")))).list();
            Map<String, List<Closed>> closedCases = new HashMap<>();
            long[] closedByMonth = new long[months + 1];
            jdbc.sql(ReportQueries.closedCases(months)).params(bounds).query((rs, n) -> {
                Instant ended = instant(rs, "ended_at");
                Closed c = new Closed(rs.getLong("sop_version_id"),
                        calendar.workingMinutesBetween(instant(rs, "started_at"), ended));
                closedCases.computeIfAbsent(rs.getString("sop_code"), k -> new ArrayList<>()).add(c);
                closedByMonth[monthsOf.indexOf(YearMonth.from(ended.atZone(calendar.zone()))) + 1]++;
                return null;
            }).list();

            TreeSet<String> codes = new TreeSet<>(started.keySet());
            codes.addAll(closedCases.keySet());
            codes.addAll(steps.keySet());
            Map<String, Map<Integer, long[]>> overrun = overruns(late);
            List<SopMetrics> bySop = new ArrayList<>();
            for (String code : codes) {
                Map<Integer, OnTime> perStep = steps.getOrDefault(code, Map.of());
                OnTime tasks = perStep.values().stream().reduce(NONE, OnTime::plus);
                List<Revisions> revisions = new ArrayList<>();
                returned.getOrDefault(code, Map.of()).forEach((step, returns) ->
                        revisions.add(new Revisions(step, returns, perStep.get(step).done())));
                List<Closed> closed = closedCases.getOrDefault(code, List.of());
                bySop.add(new SopMetrics(code, started.getOrDefault(code, 0L), closed.size(), tasks,
                        List.copyOf(revisions), bottlenecks(perStep, overrun.getOrDefault(code, Map.of())),
                        durations(closed, calendar)));
            }
            Map<String, List<Long>> latenessByJabatan = new HashMap<>();
            Map<String, List<Long>> latenessByEmployee = new HashMap<>();
            for (Late l : late) {
                for (String code : l.jabatan()) {
                    latenessByJabatan.computeIfAbsent(code, k -> new ArrayList<>()).add(l.minutes());
                }
                if (l.claimedBy() != null) {
                    latenessByEmployee.computeIfAbsent(l.claimedBy(), k -> new ArrayList<>()).add(l.minutes());
                }
            }
            List<MonthMetrics> byMonth = new ArrayList<>();
            for (int i = 1; i <= months; i++) {
                byMonth.add(new MonthMetrics(monthsOf.get(i - 1), startedByMonth[i], closedByMonth[i], tasksByMonth[i]));
            }
            return new Report(officeCode, period, bySop, workers(jabatan, latenessByJabatan),
                    workers(employees, latenessByEmployee), List.copyOf(byMonth));
        });
    }

    /** Cases started, cases finished and tasks done in each month from {@code first} to {@code last}. */
    public List<MonthMetrics> monthly(String officeCode, YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last month before first: " + first + " .. " + last);
        }
        return report(officeCode, months(officeCode, first, last)).months();
    }

    private static final OnTime NONE = new OnTime(0, 0, 0);

    /**
     * The query parameters cutting the period at the starts of months in the office's zone, as instants
     * {@code :b0 .. :b<n>} and as first days of months {@code :d0 .. :d<n>}, and (into {@code months}) the month of each of the
     * {@code n} pieces.
     *
     * @throws IllegalArgumentException when the period does not start and end at the start of a month in the zone
     */
    private static Map<String, Object> bounds(Period period, WorkingCalendar calendar, List<YearMonth> months) {
        ZoneId zone = calendar.zone();
        for (Instant end : List.of(period.from(), period.to())) {
            ZonedDateTime local = end.atZone(zone);
            if (local.getDayOfMonth() != 1 || !local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("a report period starts and ends at the start of a month in "
                        + zone + ", not at " + local);
            }
        }
        Map<String, Object> bounds = new HashMap<>();
        YearMonth month = YearMonth.from(period.from().atZone(zone));
        put(bounds, 0, period.from(), zone);
        while (true) {
            months.add(month);
            month = month.plusMonths(1);
            Instant next = month.atDay(1).atStartOfDay(zone).toInstant();
            if (!next.isBefore(period.to())) {
                break;
            }
            put(bounds, months.size(), next, zone);
        }
        put(bounds, months.size(), period.to(), zone);
        return bounds;
    }

    private static void put(Map<String, Object> bounds, int i, Instant at, ZoneId zone) {
        bounds.put("b" + i, at.atOffset(ZoneOffset.UTC));
        bounds.put("d" + i, LocalDate.ofInstant(at, zone));
    }

    /** The jabatan of a task's {@code jabatan_codes} (see {@code CaseRepository.jabatanCodes}; '' in a tally). */
    private static List<String> jabatanOf(String codes) {
        return codes == null || codes.isEmpty() ? List.of() : List.of(codes.split(","));
    }

    /** A late task, its lateness in working minutes and its candidate jabatan. */
    private record Late(String sopCode, int step, String claimedBy, long minutes, List<String> jabatan) {
    }

    private record Closed(long versionId, long minutes) {
    }

    /** Per SOP and step: the late tasks' working minutes past the deadline, summed, and how many they are. */
    private static Map<String, Map<Integer, long[]>> overruns(Collection<Late> late) {
        Map<String, Map<Integer, long[]>> result = new HashMap<>();
        for (Late l : late) {
            long[] sumAndCount = result.computeIfAbsent(l.sopCode(), k -> new HashMap<>())
                    .computeIfAbsent(l.step(), k -> new long[2]);
            sumAndCount[0] += l.minutes();
            sumAndCount[1]++;
        }
        return result;
    }

    private static List<Bottleneck> bottlenecks(Map<Integer, OnTime> perStep, Map<Integer, long[]> overrun) {
        List<Bottleneck> result = new ArrayList<>();
        overrun.forEach((step, sumAndCount) -> {
            long withDeadline = perStep.getOrDefault(step, NONE).withDeadline();
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
        // The closed cases come in the order they closed: the last one followed the newest version of the period.
        TotalTime standard = catalog.version(cases.get(cases.size() - 1).versionId()).definition().totalTime();
        Long standardMinutes = standard.calendarMonths() == 0 && standard.unknownSteps() == 0
                ? (long) standard.workingMinutes() + (long) standard.workingDays() * calendar.minutesPerWorkingDay()
                : null;
        return new Durations(minutes.size(), nearestRank(minutes, 50), nearestRank(minutes, 90), standardMinutes);
    }

    /** Per jabatan or employee, in code order. */
    private static List<WorkerMetrics> workers(Map<String, OnTime> tasks, Map<String, List<Long>> lateness) {
        List<WorkerMetrics> result = new ArrayList<>();
        tasks.forEach((key, onTime) -> {
            List<Long> late = lateness.getOrDefault(key, List.of()).stream().sorted().toList();
            result.add(new WorkerMetrics(key, onTime, late.size(), late.isEmpty() ? null : nearestRank(late, 50)));
        });
        return result;
    }

    /** The office's id, or -1 (no rows) for an unknown office. */
    private long officeId(String officeCode) {
        return jdbc.sql(ReportQueries.OFFICE_ID).param("office", officeCode).query(Long.class).optional().orElse(-1L);
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
