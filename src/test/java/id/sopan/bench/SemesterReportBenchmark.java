package id.sopan.bench;

import id.sopan.SopanApplication;
import id.sopan.calendar.CalendarService;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.documents.ReportPdf;
import id.sopan.reports.ReportMetrics;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.SemesterReportService;
import id.sopan.sop.Messages;
import id.sopan.support.PostgresAvailable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the six-monthly report (issue 6) over a year of history with at least a million task rows, made by
 * {@code simulate --bulk} (cases started over the working days of 2026): {@link #semesterReport()}, warm, on H2 (a
 * file under {@code target/bench/}) and on PostgreSQL (schema {@code bench_report} of database {@code test}). The goal
 * is under 2 s. The database is prepared once and reused while it holds enough task rows. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.sopan.bench.SemesterReportBenchmark
 * -Dexec.args="--db h2 --tasks 1000000"} ({@code --db h2|postgres|both}, default both; {@code --runs N}, default 5).
 * It prints figures; it asserts nothing.
 */
public final class SemesterReportBenchmark {

    static final String OFFICE = "DKUKM";
    static final int YEAR = 2026;
    static final String PG_SCHEMA = "bench_report";
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** A database to benchmark: how the application reaches it, and how to start it afresh. */
    private record Target(String name, List<String> settings, Runnable drop) {
    }

    private final Target target;
    private final ConfigurableApplicationContext context;
    private final SemesterReportService semesters;

    private SemesterReportBenchmark(Target target) {
        this.target = target;
        this.context = start(target);
        this.semesters = context.getBean(SemesterReportService.class);
    }

    /** What the timed work produces: the semester's report, its PDF, and how long each part took. */
    /**
     * @param cpuSeconds CPU time of the benchmark's thread for the whole report: with H2 (embedded) that includes the
     *                   database's work, so it is the figure to compare on a machine shared with other jobs
     */
    public record Semester(SemesterReport report, byte[] pdf, double figuresSeconds, double renderSeconds,
                           double cpuSeconds) {
        ReportMetrics.Report metrics() {
            return report.metrics();
        }

        List<ReportMetrics.MonthMetrics> months() {
            return report.months();
        }

        double seconds() {
            return figuresSeconds + renderSeconds;
        }
    }

    /**
     * The timed work, as {@code report semester --year 2026 --half 1} does it: every figure of the first semester of
     * 2026 (per SOP, jabatan, employee and month, and the monitoring form beside them), then its PDF with the charts.
     */
    public Semester semesterReport() {
        long cpu = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SemesterReport report = semesters.report(OFFICE, YEAR, 1);
        long gathered = System.nanoTime();
        byte[] pdf = ReportPdf.semester(report, Messages.forLocale(Messages.INDONESIAN));
        long rendered = System.nanoTime();
        return new Semester(report, pdf, (gathered - start) / 1e9, (rendered - gathered) / 1e9,
                (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        String db = option(args, "--db", "both");
        long tasks = Long.parseLong(option(args, "--tasks", "1000000"));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        List<Target> targets = new ArrayList<>();
        if (db.equals("h2") || db.equals("both")) {
            targets.add(h2());
        }
        if (db.equals("postgres") || db.equals("both")) {
            targets.add(postgres());
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("--db h2|postgres|both, not " + db);
        }
        List<String> lines = new ArrayList<>();
        for (Target t : targets) {
            prepare(t, tasks);
            lines.add(measure(t, runs));
        }
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static Target h2() {
        Path dir = Path.of("target", "bench").toAbsolutePath();
        String url = "jdbc:h2:file:" + dir.resolve("report") + ";AUTO_SERVER=FALSE";
        return new Target("H2", List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                "--spring.datasource.password="), () -> {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("report.")).toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Target postgres() {
        PostgresAvailable.assumeReachable();
        // Batched inserts rewritten into multi-row statements: the bulk simulation writes faster.
        String url = PostgresAvailable.URL + "?currentSchema=" + PG_SCHEMA + "&reWriteBatchedInserts=true";
        return new Target("PostgreSQL", List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresAvailable.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + PG_SCHEMA, "--spring.flyway.default-schema=" + PG_SCHEMA),
                () -> execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE"));
    }

    private static ConfigurableApplicationContext start(Target target) {
        return new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "sopan.sla.enabled=false")
                .run(target.settings().toArray(String[]::new));
    }

    private static long taskRows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM case_task").query(Long.class).single();
    }

    /** Makes the history with {@code simulate --bulk} unless the database holds enough of it already. */
    private static void prepare(Target target, long tasks) {
        long have;
        int workingDays;
        try (ConfigurableApplicationContext context = start(target)) {
            have = taskRows(context);
            WorkingCalendar calendar = context.getBean(CalendarService.class).calendarFor(OFFICE);
            workingDays = (int) LocalDate.of(YEAR, 1, 1).datesUntil(LocalDate.of(YEAR + 1, 1, 1))
                    .filter(calendar::isWorkingDay).count();
        }
        if (have >= tasks) {
            System.out.printf(Locale.ROOT, "%s: reusing %,d task rows%n", target.name(), have);
            return;
        }
        if (have > 0) {
            System.out.printf(Locale.ROOT, "%s: %,d task rows are too few: starting afresh%n", target.name(), have);
            target.drop().run();
        }
        long began = System.nanoTime();
        double tasksPerCase = 8.3; // about what the catalog's SOPs make, returns included
        for (int seed = 1; have < tasks; seed++) {
            int cases = (int) Math.ceil((tasks - have) / tasksPerCase * 1.01);
            List<String> words = new ArrayList<>(List.of("simulate", "--bulk", "--cases", Integer.toString(cases),
                    "--seed", Integer.toString(seed), "--from", YEAR + "-01-01", "--days", Integer.toString(workingDays)));
            words.addAll(target.settings());
            System.out.printf(Locale.ROOT, "%s: %s%n", target.name(), String.join(" ", words.subList(0, 10)));
            int code = SopanApplication.runCommand(System.out, System.err, words.toArray(String[]::new));
            if (code != 0) {
                throw new IllegalStateException("simulate failed with exit code " + code);
            }
            long before = have;
            try (ConfigurableApplicationContext context = start(target)) {
                have = taskRows(context);
                // Bulk-loaded tables: let the planner see them (as autovacuum would soon), and keep their visibility maps.
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                for (String table : List.of("case_file", "case_task", "case_task_candidate", "case_event")) {
                    jdbc.sql((target.name().equals("H2") ? "ANALYZE TABLE " : "VACUUM ANALYZE ") + table).update();
                }
            }
            tasksPerCase = (double) (have - before) / cases;
        }
        System.out.printf(Locale.ROOT, "%s: %,d task rows made in %.0f s%n", target.name(), have,
                (System.nanoTime() - began) / 1e9);
    }

    private static String measure(Target target, int runs) {
        SemesterReportBenchmark bench = new SemesterReportBenchmark(target);
        try {
            JdbcClient jdbc = bench.context.getBean(JdbcClient.class);
            String counts = String.format(Locale.ROOT, "%,d cases, %,d tasks, %,d task jabatan, %,d history rows",
                    count(jdbc, "case_file"), count(jdbc, "case_task"), count(jdbc, "case_task_candidate"),
                    count(jdbc, "case_event"));
            Semester result = null;
            for (int i = 0; i < 2; i++) {
                result = bench.semesterReport();
                System.out.printf(Locale.ROOT, "%s: warm-up %.2f s (figures %.2f s, PDF %.2f s)%n", target.name(),
                        result.seconds(), result.figuresSeconds(), result.renderSeconds());
            }
            List<Double> seconds = new ArrayList<>();
            List<Double> figures = new ArrayList<>();
            List<Double> render = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                result = bench.semesterReport();
                seconds.add(result.seconds());
                figures.add(result.figuresSeconds());
                render.add(result.renderSeconds());
                cpu.add(result.cpuSeconds());
            }
            Collections.sort(seconds);
            Collections.sort(figures);
            Collections.sort(render);
            Collections.sort(cpu);
            long tasksDone = result.metrics().bySop().stream().mapToLong(s -> s.tasks().done()).sum();
            long started = result.months().stream().mapToLong(ReportMetrics.MonthMetrics::casesStarted).sum();
            return String.format(Locale.ROOT, "%s semester report (%s; the semester: %,d cases started, %,d tasks"
                            + " done, %d SOPs, %d jabatan, %d employees; PDF %,d bytes) over %d warm runs:"
                            + " whole best %.2f s, median %.2f s, worst %.2f s; figures median %.2f s (best %.2f s);"
                            + " PDF median %.2f s (best %.2f s); CPU of the thread median %.2f s; load average %.1f",
                    target.name(), counts, started, tasksDone,
                    result.metrics().bySop().size(), result.metrics().byJabatan().size(),
                    result.metrics().byEmployee().size(), result.pdf().length, seconds.size(), seconds.get(0),
                    seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1), figures.get(figures.size() / 2),
                    figures.get(0), render.get(render.size() / 2), render.get(0), cpu.get(cpu.size() / 2),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            bench.context.close();
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static void execute(String sql) {
        try (Connection c = PostgresAvailable.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
