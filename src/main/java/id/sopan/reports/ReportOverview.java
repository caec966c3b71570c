package id.sopan.reports;

import id.sopan.calendar.CalendarService;
import id.sopan.organization.InvalidInputException;
import id.sopan.reports.ReportFormRepository.Stored;
import id.sopan.reports.ReportMetrics.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The periods an office has reports for: every semester in which a case started or a form or report text was
 * stored, and their years, with the state of each form; the current semester and year always (to start them).
 */
@Service
public class ReportOverview {

    /**
     * @param monitoring null while no monitoring form is stored
     * @param casesStarted cases started in the semester
     */
    public record Semester(int year, int half, long casesStarted, FormStatus monitoring, boolean reportEntered) {
    }

    /** @param evaluation null while no evaluation form is stored */
    public record Year(int year, long casesStarted, FormStatus evaluation) {
    }

    /** Newest first. */
    public record Overview(String officeCode, int currentYear, int currentHalf, List<Semester> semesters,
                           List<Year> years) {
    }

    private static final String FIRST_CASE = """
            SELECT MIN(c.started_at) FROM case_file c JOIN office o ON o.id = c.office_id WHERE o.code = :office
            """;

    /** Reports start in 2000 (as the forms' years do). */
    private static final int FIRST_YEAR = 2000;

    private final JdbcClient jdbc;
    private final ReportMetrics metrics;
    private final ReportFormRepository forms;
    private final CalendarService calendars;
    private final Clock clock;

    ReportOverview(JdbcClient jdbc, ReportMetrics metrics, ReportFormRepository forms, CalendarService calendars,
                   Clock clock) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.forms = forms;
        this.calendars = calendars;
        this.clock = clock;
    }

    public Overview overview(String officeCode) {
        long officeId = forms.officeId(officeCode)
                .orElseThrow(() -> new InvalidInputException("office", "no office " + officeCode));
        ZoneId zone = calendars.calendarFor(officeCode).zone();
        ZonedDateTime now = clock.instant().atZone(zone);
        int currentYear = now.getYear();
        int currentHalf = now.getMonthValue() <= 6 ? 1 : 2;
        List<Stored> stored = forms.stored(officeId);

        // Semesters as year * 2 + (half - 1), so that they count up one by one.
        TreeSet<Integer> candidates = new TreeSet<>();
        candidates.add(currentYear * 2 + currentHalf - 1);
        OffsetDateTime first = jdbc.sql(FIRST_CASE).param("office", officeCode).query(OffsetDateTime.class)
                .optional().orElse(null);
        if (first != null) {
            ZonedDateTime start = first.toInstant().atZone(zone);
            int from = Math.max(start.getYear(), FIRST_YEAR) * 2 + (start.getMonthValue() <= 6 ? 0 : 1);
            for (int s = from; s <= currentYear * 2 + currentHalf - 1; s++) {
                candidates.add(s);
            }
        }
        stored.stream().filter(f -> f.half() > 0).forEach(f -> candidates.add(f.year() * 2 + f.half() - 1));

        Map<Integer, FormStatus> evaluations = stored.stream().filter(f -> f.half() == 0 && f.status() != null)
                .collect(Collectors.toMap(Stored::year, Stored::status));
        Map<Integer, FormStatus> monitoring = stored.stream().filter(f -> f.half() > 0 && f.status() != null)
                .collect(Collectors.toMap(f -> f.year() * 2 + f.half() - 1, Stored::status));
        Set<Integer> entered = stored.stream().filter(f -> f.half() > 0 && f.status() == null)
                .map(f -> f.year() * 2 + f.half() - 1).collect(Collectors.toSet());

        List<Semester> semesters = new ArrayList<>();
        for (int s : candidates.descendingSet()) {
            int year = s / 2;
            int half = s % 2 + 1;
            long started = casesStarted(officeCode, metrics.halfYear(officeCode, year, half));
            boolean current = year == currentYear && half == currentHalf;
            if (started > 0 || current || monitoring.containsKey(s) || entered.contains(s)) {
                semesters.add(new Semester(year, half, started, monitoring.get(s), entered.contains(s)));
            }
        }
        Map<Integer, Long> startedByYear = semesters.stream()
                .collect(Collectors.groupingBy(Semester::year, Collectors.summingLong(Semester::casesStarted)));
        TreeSet<Integer> yearNumbers = new TreeSet<>(startedByYear.keySet());
        yearNumbers.addAll(evaluations.keySet());
        List<Year> years = yearNumbers.descendingSet().stream()
                .map(y -> new Year(y, startedByYear.getOrDefault(y, 0L), evaluations.get(y)))
                .toList();
        return new Overview(officeCode, currentYear, currentHalf, List.copyOf(semesters), years);
    }

    private static final String CASES_STARTED = """
            SELECT COUNT(*) FROM case_file c JOIN office o ON o.id = c.office_id
             WHERE o.code = :office AND c.started_at >= :from AND c.started_at < :to
            """;

    private long casesStarted(String officeCode, Period period) {
        return jdbc.sql(CASES_STARTED).param("office", officeCode)
                .param("from", period.from().atOffset(ZoneOffset.UTC))
                .param("to", period.to().atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }
}
