package id.sopan.documents;

import id.sopan.SopanApplication;
import id.sopan.cli.CommandLine;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report semester|evaluation} as a user runs it: words in, a PDF file or a message naming the option out. */
class ReportCommandTest {

    record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    /** The whole application on an empty in-memory H2 database, as {@code java -jar sopan.jar ...} runs it. */
    static Run run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--spring.datasource.url=jdbc:h2:mem:report-cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SopanApplication.runCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Only the command's own checks, which come before anything is read: no application needed. */
    static Run check(String... words) {
        ReportCommand command = new ReportCommand(null, null, null, null,
                Clock.fixed(Instant.parse("2026-07-10T01:00:00Z"), ZoneOffset.UTC), "DKUKM");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(List.of(command)).run(words, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSemesterReportIsWrittenAsAReadablePdf() throws Exception {
        Path file = dir.resolve("out/laporan.pdf");
        Run run = run("report", "semester", "--year", "2026", "--half", "1", "--out", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Laporan ditulis ke " + file, "halaman; angka dihitung dalam", "dirender dalam");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("SEMESTER I TAHUN 2026",
                    "a. Gambaran Umum Penyelenggaraan Pelayanan", "e. Laporan Keuangan");
        }
        // Only the report is left in the folder: the temporary part was moved into place.
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("laporan.pdf");
        }
    }

    @Test
    void theEvaluationIsWrittenInEnglishWithLangEn() throws Exception {
        Path file = dir.resolve("evaluation.pdf");
        Run run = run("report", "evaluation", "--year", "2026", "--out", file.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Report written to " + file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("The criteria per SOP", "Recommendations",
                    "c. Service delivery plan");
        }
    }

    @Test
    void halfThreeIsRefusedNamingTheOptionAndNothingIsWritten() {
        Path file = dir.resolve("laporan.pdf");
        Run run = run("report", "semester", "--year", "2026", "--half", "3", "--out", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nilai \"3\" tidak sah untuk opsi --half", "report semester --year Y");
        assertThat(file).doesNotExist();
    }

    @Test
    void everyOtherMistakeIsRefusedNamingTheOption() {
        assertThat(check("report", "semester", "--half", "1", "--out", "x.pdf"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("opsi --year wajib diisi"));
        assertThat(check("report", "semester", "--year", "2026", "--out", "x.pdf").err())
                .contains("opsi --half wajib diisi");
        assertThat(check("report", "semester", "--year", "2026", "--half", "1").err())
                .contains("opsi --out wajib diisi");
        assertThat(check("report", "semester", "--year", "2027", "--half", "1", "--out", "x.pdf").err())
                .contains("nilai \"2027\" tidak sah untuk opsi --year", "2000 sampai 2026");
        assertThat(check("report", "evaluation", "--year", "dua", "--out", "x.pdf", "--lang", "en").err())
                .contains("value \"dua\" is not valid for option --year");
        assertThat(check("report", "evaluation", "--year", "2026", "--half", "1", "--out", "x.pdf").err())
                .contains("opsi --half tidak berlaku untuk report evaluation");
        assertThat(check("report", "bulanan", "--year", "2026").err()).contains("sub-perintah \"bulanan\" tidak dikenal");
        assertThat(check("report", "semester", "--year", "2026", "--half", "1", "--out", "x.pdf", "--paper", "a4")
                .err()).contains("opsi --paper tidak dikenal");
        assertThat(Path.of("x.pdf")).doesNotExist();
    }

    @Test
    void theUsageTextListsBothReports() {
        Run run = check();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("java -jar sopan.jar report semester --year Y --half 1|2 --out F.pdf",
                "java -jar sopan.jar report evaluation --year Y --out F.pdf");
    }
}
