package id.sopan.catalog;

import id.sopan.cli.Command;
import id.sopan.cli.CommandLine;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.support.Database;
import id.sopan.support.HostileTables;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code catalog import} with hostile tables, through the real command line and storage (H2): an import either fails
 * with the importer's problems and leaves every catalog table as it was, or stores exactly one draft version with its
 * history row, which reads back. Never an exception out of the command.
 */
@SpringBootTest(properties = {"sopan.catalog.load-on-start=false", "sopan.organization.load-on-start=false",
        "spring.datasource.url=jdbc:h2:mem:hostile-import;DB_CLOSE_DELAY=-1"})
class HostileCatalogImportTest {

    static final long SEED = 20_260_804L;
    static final int TEXT_PER_TABLE = 1;

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficeRepository offices;
    @Autowired
    CatalogService catalog;
    @TempDir
    Path dir;

    @BeforeEach
    void office() {
        Database.wipe(jdbc);
        offices.upsert(new Office("DKUKM", "Dinas Uji", "Pemerintah Kabupaten Uji", null, null));
    }

    record Counts(long sops, long versions, long events) {
    }

    Counts counts() {
        return new Counts(count("sop"), count("sop_version"), count("sop_version_event"));
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    @Timeout(120) // a hang guard, not a timing goal
    void aHostileImportStoresAWholeDraftOrNothing() throws IOException {
        HostileTables tables = HostileTables.seed(SeedCodes.inOrder());
        CommandLine cli = new CommandLine(context.getBeansOfType(Command.class).values().stream().toList());
        List<String> failures = new ArrayList<>();
        int stored = 0;
        int refused = 0;
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i <= TEXT_PER_TABLE; i++) {
                HostileTables.Mutant m = tables.mutate(t, SEED + t * 100L + i);
                // The last of each table's inputs goes in as a workbook.
                boolean xlsx = i == TEXT_PER_TABLE;
                Path file = dir.resolve(m.table() + "-" + i + (xlsx ? ".xlsx" : ".txt"));
                Files.write(file, xlsx ? workbook(m.rows()) : m.bytes());
                String what = (xlsx ? "workbook of " : "") + m.describe();
                Counts before = counts();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit;
                try {
                    exit = cli.run(new String[] {"catalog", "import", file.toString(), "--code", "IMP-01"},
                            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    failures.add(what + ": " + e);
                    continue;
                }
                Counts after = counts();
                String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
                if (said.contains("Exception") || said.contains("\tat ")) {
                    failures.add(what + ": a stack trace or exception name in the output: " + said);
                }
                if (exit == 1) {
                    refused++;
                    if (!after.equals(before)) {
                        failures.add(what + ": refused, yet rows changed from " + before + " to " + after);
                    }
                    if (!err.toString(StandardCharsets.UTF_8).contains(file.getFileName().toString())) {
                        failures.add(what + ": refused without naming the file: " + said);
                    }
                } else if (exit == 0) {
                    stored++;
                    Counts expected = new Counts(before.sops() == 0 ? 1 : before.sops(), before.versions() + 1,
                            before.events() + 1);
                    if (!after.equals(expected)) {
                        failures.add(what + ": stored, rows went from " + before + " to " + after);
                    }
                    int latest = (int) after.versions();
                    if (catalog.definition("DKUKM", "IMP-01", latest).isEmpty()) {
                        failures.add(what + ": the stored draft does not read back");
                    }
                } else {
                    failures.add(what + ": exit " + exit + ": " + said);
                }
            }
        }
        assertThat(failures).as("of %d imports", tables.size() * (TEXT_PER_TABLE + 1)).isEmpty();
        // Both outcomes were met, so both promises were checked.
        assertThat(stored).isPositive();
        assertThat(refused).isPositive();
    }

    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("SOP");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size() && c < 500; c++) {
                    String text = rows.get(r).get(c);
                    row.createCell(c).setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
