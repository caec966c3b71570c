package id.sopan.documents;

import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import id.sopan.organization.AppUser;
import id.sopan.organization.InvalidInputException;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.EvaluationForm;
import id.sopan.reports.EvaluationService;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.SemesterReportService;
import id.sopan.sop.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code report semester --year Y --half 1|2 --out F.pdf} and {@code report evaluation --year Y --out F.pdf}: the
 * six-monthly report (Perbup Pasal 11) and the yearly evaluation (Pasal 10) as PDF. Every option is checked before
 * anything is computed, and the file appears whole or not at all (written beside it, then moved into place).
 */
@Component
class ReportCommand implements Command {

    private final SemesterReportService semesters;
    private final EvaluationService evaluations;
    private final OrganizationService organization;
    private final OfficeRepository offices;
    private final Clock clock;
    private final String defaultOffice;

    ReportCommand(SemesterReportService semesters, EvaluationService evaluations, OrganizationService organization,
                  OfficeRepository offices, Clock clock, @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.semesters = semesters;
        this.evaluations = evaluations;
        this.organization = organization;
        this.offices = offices;
        this.clock = clock;
        this.defaultOffice = defaultOffice;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report semester --year Y --half 1|2 --out F.pdf [--office CODE]\n"
                + "report evaluation --year Y --out F.pdf [--office CODE]";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("year", "half", "out", "office");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Messages messages = args.messages();
        List<String> words = args.positional();
        String what = words.size() == 1 ? words.get(0) : "";
        if (!what.equals("semester") && !what.equals("evaluation")) {
            throw new Arguments.UsageException(words.isEmpty() ? messages.get("cli.subcommand.missing")
                    : messages.get("cli.subcommand.unknown", String.join(" ", words)));
        }
        int year = year(args, messages);
        int half = 0;
        if (what.equals("semester")) {
            String text = required(args, "half", messages);
            if (!text.equals("1") && !text.equals("2")) {
                throw new Arguments.UsageException(messages.get("report.pdf.cli.half", text));
            }
            half = Integer.parseInt(text);
        } else if (args.option("half").isPresent()) {
            throw new Arguments.UsageException(messages.get("report.pdf.cli.halfNotForEvaluation"));
        }
        Path target = Path.of(required(args, "out", messages));
        String officeCode = args.option("office").orElse(defaultOffice);
        Office office = offices.findByCode(officeCode)
                .orElseThrow(() -> new Arguments.UsageException(messages.get("catalog.office.unknown", officeCode)));

        long start = System.nanoTime();
        byte[] pdf;
        long computed;
        try {
            if (half != 0) {
                SemesterReport report = semesters.report(officeCode, year, half);
                computed = System.nanoTime();
                pdf = ReportPdf.semester(report, messages);
            } else {
                Map<String, String> people = organization.users(officeCode).stream()
                        .collect(Collectors.toMap(AppUser::username, AppUser::fullName, (a, b) -> a));
                EvaluationForm form = evaluations.form(officeCode, year);
                computed = System.nanoTime();
                pdf = ReportPdf.evaluation(form, office, u -> people.getOrDefault(u, u), messages);
            }
        } catch (InvalidInputException e) {
            // The services check the year against the clock too (a year just begun, another time zone).
            throw new Arguments.UsageException(messages.get("cli.option.badValue", "--" + e.field(),
                    e.field().equals("year") ? Integer.toString(year) : Integer.toString(half)));
        }
        long rendered = System.nanoTime();
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalStateException("the rendered report is not a readable PDF", e);
        }
        try {
            write(target, pdf);
        } catch (IOException e) {
            err.println(messages.get("cli.file.cannotWrite", target, e.getMessage()));
            return 1;
        }
        out.println(messages.get("report.pdf.cli.written", target, pages,
                String.format(Locale.ROOT, "%.2f", (computed - start) / 1e9),
                String.format(Locale.ROOT, "%.2f", (rendered - computed) / 1e9)));
        return 0;
    }

    private int year(Arguments args, Messages messages) {
        String text = required(args, "year", messages);
        int current = clock.instant().atZone(ReportPdf.WIB).getYear();
        int year;
        try {
            year = text.matches("\\d{4}") ? Integer.parseInt(text) : -1;
        } catch (NumberFormatException e) {
            year = -1;
        }
        if (year < 2000 || year > current) {
            throw new Arguments.UsageException(messages.get("report.pdf.cli.year", text, current));
        }
        return year;
    }

    private static String required(Arguments args, String name, Messages messages) {
        return args.option(name).filter(v -> !v.isBlank()).orElseThrow(() ->
                new Arguments.UsageException(messages.get("report.pdf.cli.required", "--" + name)));
    }

    /** A temporary file in the target's folder moved over the target: readers never see half a PDF. */
    private static void write(Path target, byte[] pdf) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, ".report-", ".part");
        try {
            Files.write(part, pdf);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
