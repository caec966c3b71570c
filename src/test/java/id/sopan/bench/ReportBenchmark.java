package id.sopan.bench;

import id.sopan.SopanApplication;
import id.sopan.documents.ReportPdf;
import id.sopan.organization.Jabatan;
import id.sopan.reports.ReportCharts;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.SemesterReportService;
import id.sopan.sop.Messages;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints how long the six-monthly report of a database takes: gathering its figures, and rendering the PDF cold and
 * warm. Fill a scratch database first, e.g.
 * {@code java -jar target/sopan.jar simulate --cases 2000 --seed 11 --spring.datasource.url=jdbc:h2:file:/tmp/x/sopan},
 * then run
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.sopan.bench.ReportBenchmark
 * -Dexec.args="jdbc:h2:file:/tmp/x/sopan 2026 1 5 /tmp/x/out"}: year, half, warm runs and, optionally, a folder to
 * write the PDF and the five charts (SVG) to, for looking at them. It prints figures; it asserts nothing.
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws IOException {
        String url = args.length > 0 ? args[0] : "jdbc:h2:file:/tmp/x/sopan";
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2026;
        int half = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN", "sopan.sla.enabled=false")
                .run("--spring.datasource.url=" + url)) {
            SemesterReportService semesters = context.getBean(SemesterReportService.class);
            Messages messages = Messages.forLocale(Messages.INDONESIAN);
            List<Double> figures = new ArrayList<>();
            List<Double> renders = new ArrayList<>();
            int pages = 0;
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                SemesterReport report = semesters.report(context.getEnvironment()
                        .getProperty("sopan.default-office", "DKUKM"), year, half);
                long computed = System.nanoTime();
                byte[] pdf = ReportPdf.semester(report, messages);
                long rendered = System.nanoTime();
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "cold: figures %.2f s, render %.2f s (%d bytes, %d cases started)%n",
                            (computed - start) / 1e9, (rendered - computed) / 1e9, pdf.length,
                            report.metrics().bySop().stream().mapToLong(m -> m.casesStarted()).sum());
                } else {
                    figures.add((computed - start) / 1e9);
                    renders.add((rendered - computed) / 1e9);
                }
            }
            if (args.length > 4) {
                write(Path.of(args[4]), semesters.report(context.getEnvironment()
                        .getProperty("sopan.default-office", "DKUKM"), year, half), messages);
            }
            Collections.sort(figures);
            Collections.sort(renders);
            System.out.printf(Locale.ROOT, "semester %d/%d over %d warm runs: figures median %.2f s, render median %.2f s"
                            + " (best %.2f s, worst %.2f s)%n", year, half, renders.size(), figures.get(figures.size() / 2),
                    renders.get(renders.size() / 2), renders.get(0), renders.get(renders.size() - 1));
        }
    }

    private static void write(Path dir, SemesterReport report, Messages messages) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("semester.pdf"), ReportPdf.semester(report, messages));
        Map<String, String> names = report.jabatan().stream()
                .collect(Collectors.toMap(Jabatan::code, Jabatan::name));
        Files.writeString(dir.resolve("cases.svg"), ReportCharts.monthlyCases(report.months(), messages));
        Files.writeString(dir.resolve("on-time.svg"), ReportCharts.monthlyOnTime(report.months(), messages));
        Files.writeString(dir.resolve("durations.svg"), ReportCharts.durations(report.metrics().bySop(), messages));
        Files.writeString(dir.resolve("verdicts.svg"), ReportCharts.verdicts(report.monitoring(), messages));
        Files.writeString(dir.resolve("jabatan.svg"),
                ReportCharts.jabatanTasks(report.metrics().byJabatan(), names, 10, messages));
        System.out.println("written to " + dir);
    }
}
