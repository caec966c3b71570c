package id.sopan.casework;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.catalog.CatalogService;
import id.sopan.sop.TotalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the dashboard (Dasbor) of an office. Counts are SQL aggregations; the month's durations are
 * working minutes on the office calendar ({@link WorkingCalendar#workingMinutesBetween}) from a case's start to
 * its close, so they compare with the SOP's standard total ({@code SopDefinition.totalTime()}); median and p90
 * are nearest-rank percentiles computed here over the month's closed cases of each SOP.
 */
@Service
public class DashboardQueries {

    /** At most this many overdue tasks are listed (the most overdue first). */
    public static final int MAX_OVERDUE = 200;

    /** Open cases of an office per SOP (the title of the version the newest of them follows). */
    private static final String OPEN_BY_SOP = """
            SELECT c.sop_code, MAX(v.title) AS title, COUNT(*) AS open_cases
              FROM case_file c
              JOIN office o ON o.id = c.office_id
              JOIN sop_version v ON v.id = c.sop_version_id
             WHERE o.code = :office AND c.status = 'OPEN'
             GROUP BY c.sop_code
             ORDER BY open_cases DESC, c.sop_code
            """;

    /*
     * Open cases per unit: the unit of each candidate jabatan of the current step's unfinished tasks. A case
     * whose step several units may work counts once in each; a case with no internal candidate has no unit.
     */
    private static final String OPEN_BY_UNIT = """
            SELECT u.code AS unit_code, u.name AS unit_name, COUNT(DISTINCT c.id) AS open_cases
              FROM case_file c
              JOIN office o ON o.id = c.office_id
              JOIN case_task t ON t.case_id = c.id AND t.step_no = c.current_step AND t.round_no = c.round_no
                              AND t.status IN ('OPEN', 'CLAIMED', 'HANDED_OFF')
              LEFT JOIN case_task_candidate k ON k.task_id = t.id
              LEFT JOIN jabatan j ON j.office_id = c.office_id AND j.code = k.jabatan_code
              LEFT JOIN org_unit u ON u.id = j.unit_id
             WHERE o.code = :office AND c.status = 'OPEN'
             GROUP BY u.code, u.name
             ORDER BY open_cases DESC, COALESCE(u.code, '~')
            """;

    private static final String OVERDUE = """
            SELECT t.id AS task_id, c.id AS case_id, c.registration_no, c.sop_code, t.step_no, t.actor,
                   t.claimed_by, t.deadline_at
              FROM case_task t
              JOIN case_file c ON c.id = t.case_id
             WHERE t.office_id = (SELECT o.id FROM office o WHERE o.code = :office) AND c.status = 'OPEN'
               AND t.ended_at IS NULL AND t.deadline_at < :now
             ORDER BY t.deadline_at NULLS LAST, t.id
             LIMIT %d
            """.formatted(MAX_OVERDUE);

    private static final String CLOSED_IN_PERIOD = """
            SELECT c.sop_code, c.sop_version_id, c.started_at, c.ended_at
              FROM case_file c
              JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.status = 'CLOSED' AND c.ended_at >= :from AND c.ended_at < :to
             ORDER BY c.sop_code, c.ended_at
            """;

    public record Dashboard(String officeCode, YearMonth month, Instant at, long openCases, List<OpenBySop> bySop,
                            List<OpenByUnit> byUnit, List<OverdueTask> overdue, List<MonthDuration> durations) {
    }

    public record OpenBySop(String sopCode, String title, long openCases) {
    }

    /** @param unitCode null for the current steps no jabatan of the office works */
    public record OpenByUnit(String unitCode, String unitName, long openCases) {
    }

    /** @param workingMinutesLate working minutes on the office calendar since the deadline */
    public record OverdueTask(long taskId, long caseId, String registrationNo, String sopCode, int step, String actor,
                              String claimedBy, Instant deadline, long workingMinutesLate) {
    }

    /**
     * The month's closed cases of one SOP.
     *
     * @param medianMinutes   nearest-rank median of the cases' working minutes from start to close
     * @param p90Minutes      nearest-rank 90th percentile of the same
     * @param standard        the SOP's standard total (of the version the newest case followed)
     * @param standardMinutes the standard in working minutes (working days × the calendar's minutes per day), or
     *                        null when it cannot be one number (calendar months, steps without a time)
     */
    public record MonthDuration(String sopCode, String title, int closedCases, long medianMinutes, long p90Minutes,
                                TotalTime standard, Long standardMinutes) {
        public boolean medianOverStandard() {
            return standardMinutes != null && medianMinutes > standardMinutes;
        }

        public boolean p90OverStandard() {
            return standardMinutes != null && p90Minutes > standardMinutes;
        }
    }

    private final JdbcClient jdbc;
    private final CalendarService calendars;
    private final CatalogService catalog;
    private final Clock clock;
    private final TransactionTemplate readTx;

    DashboardQueries(JdbcClient jdbc, CalendarService calendars, CatalogService catalog, Clock clock,
                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.catalog = catalog;
        this.clock = clock;
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** The month in which "now" falls on the office calendar. */
    public YearMonth currentMonth(String officeCode) {
        return YearMonth.from(clock.instant().atZone(calendars.calendarFor(officeCode).zone()));
    }

    /** The dashboard now, with the durations of the cases closed in {@code month} (the office's zone). */
    public Dashboard dashboard(String officeCode, YearMonth month) {
        WorkingCalendar calendar = calendars.calendarFor(officeCode);
        Instant now = clock.instant();
        Instant from = month.atDay(1).atStartOfDay(calendar.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(calendar.zone()).toInstant();
        return readTx.execute(s -> {
            List<OpenBySop> bySop = jdbc.sql(OPEN_BY_SOP).param("office", officeCode)
                    .query((rs, n) -> new OpenBySop(rs.getString("sop_code"), rs.getString("title"),
                            rs.getLong("open_cases"))).list();
            List<OpenByUnit> byUnit = jdbc.sql(OPEN_BY_UNIT).param("office", officeCode)
                    .query((rs, n) -> new OpenByUnit(rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getLong("open_cases"))).list();
            List<OverdueTask> overdue = jdbc.sql(OVERDUE).param("office", officeCode)
                    .param("now", CaseRepository.ts(now))
                    .query((rs, n) -> {
                        Instant deadline = CaseRepository.instant(rs, "deadline_at");
                        return new OverdueTask(rs.getLong("task_id"), rs.getLong("case_id"),
                                rs.getString("registration_no"), rs.getString("sop_code"), rs.getInt("step_no"),
                                rs.getString("actor"), rs.getString("claimed_by"), deadline,
                                calendar.workingMinutesBetween(deadline, now));
                    }).list();
            List<Closed> closed = jdbc.sql(CLOSED_IN_PERIOD).param("office", officeCode)
                    .param("from", CaseRepository.ts(from)).param("to", CaseRepository.ts(to))
                    .query((rs, n) -> new Closed(rs.getString("sop_code"), rs.getLong("sop_version_id"),
                            CaseRepository.instant(rs, "started_at"), CaseRepository.instant(rs, "ended_at"))).list();
            long open = bySop.stream().mapToLong(OpenBySop::openCases).sum();
            return new Dashboard(officeCode, month, now, open, bySop, byUnit, overdue, durations(closed, calendar));
        });
    }

    private record Closed(String sopCode, long versionId, Instant startedAt, Instant endedAt) {
    }

    private List<MonthDuration> durations(List<Closed> closed, WorkingCalendar calendar) {
        Map<String, List<Closed>> bySop = new LinkedHashMap<>();
        closed.forEach(c -> bySop.computeIfAbsent(c.sopCode(), k -> new ArrayList<>()).add(c));
        List<MonthDuration> result = new ArrayList<>();
        bySop.forEach((code, cases) -> {
            List<Long> minutes = cases.stream()
                    .map(c -> calendar.workingMinutesBetween(c.startedAt(), c.endedAt())).sorted().toList();
            long newestVersion = cases.stream().mapToLong(Closed::versionId).max().orElseThrow();
            CatalogService.VersionedSop version = catalog.version(newestVersion);
            TotalTime standard = version.definition().totalTime();
            Long standardMinutes = standard.calendarMonths() == 0 && standard.unknownSteps() == 0
                    ? (long) standard.workingMinutes() + (long) standard.workingDays() * calendar.minutesPerWorkingDay()
                    : null;
            result.add(new MonthDuration(code, version.definition().title(), cases.size(),
                    nearestRank(minutes, 50), nearestRank(minutes, 90), standard, standardMinutes));
        });
        return result;
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
