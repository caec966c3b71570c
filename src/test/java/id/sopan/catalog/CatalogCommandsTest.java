package id.sopan.catalog;

import id.sopan.SopanApplication;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code catalog} commands as a user runs them: words in, text and an exit code out. */
class CatalogCommandsTest {

    /** The outcome of one run. */
    record Run(int exit, String out, String err) {
    }

    static Run run(List<String> settings, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(settings);
        int exit = SopanApplication.runCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> h2() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static Path seedTable(Path dir, int fromLine, int toLine) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("seed/perbup-kuningan-22-2016-sop-ap-dinkop-ukm.txt"));
        Path file = dir.resolve("cuti-tahunan.txt");
        Files.write(file, lines.subList(fromLine - 1, toLine));
        return file;
    }

    @Nested
    class Validate {
        @TempDir
        Path dir;

        @Test
        void theBundledCatalogIsValid() {
            Run run = run(h2(), "catalog", "validate");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("48 SOP dari 1 kantor valid");
        }

        @Test
        void aBrokenFileFailsNamingFileSopStepAndField() throws IOException {
            for (String name : List.of("office.yaml", "UMM-06.yaml")) {
                try (InputStream in = getClass().getResourceAsStream("/catalog/dkukm/" + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            Path file = dir.resolve("UMM-06.yaml");
            Files.writeString(file, Files.readString(file).replace("returnsTo: 3", "returnsTo: 7"));
            Run run = run(h2(), "catalog", "validate", "--dir", dir.toString(), "--lang", "en");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("UMM-06.yaml", "SOP UMM-06", "step 4", "Decision", "return step 7");
        }
    }

    @Nested
    class Export {
        @TempDir
        Path dir;

        @Test
        void holdsEveryStepTimeAndDecisionOfThe48Sops() throws IOException {
            Path out = dir.resolve("catalog.json");
            Run run = run(h2(), "catalog", "export", "--format", "json", "--out", out.toString());
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("48 SOP ditulis ke");
            assertExport(JsonMapper.builder().build().readTree(Files.readString(out)));
        }

        @Test
        void anotherFormatIsRefusedWithTheUsage() {
            Run run = run(h2(), "catalog", "export", "--format", "xml");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("format \"xml\" tidak didukung", "Pemakaian:");
        }
    }

    static void assertExport(JsonNode doc) {
        JsonNode sops = doc.get("sops");
        assertThat(sops.size()).isEqualTo(48);
        List<JsonNode> steps = StreamSupport.stream(sops.spliterator(), false)
                .flatMap(s -> StreamSupport.stream(s.get("steps").spliterator(), false)).toList();
        assertThat(steps).hasSize(373);
        assertThat(steps.stream().filter(s -> !s.get("decision").isNull()).count()).isEqualTo(47);
        JsonNode cuti = StreamSupport.stream(sops.spliterator(), false)
                .filter(s -> s.get("code").asString().equals("UMM-06")).findFirst().orElseThrow();
        assertThat(cuti.get("title").asString()).isEqualTo("Pembuatan Usulan Permohonan Cuti Tahunan");
        assertThat(cuti.get("titleInferred").asBoolean()).isFalse();
        assertThat(cuti.get("serviceType").asString()).isEqualTo("KESEKRETARIATAN");
        assertThat(cuti.get("totalMinutes").asInt()).isEqualTo(225);
        JsonNode check = cuti.get("steps").get(1);
        assertThat(check.get("number").asInt()).isEqualTo(2);
        assertThat(check.get("minutes").asInt()).isEqualTo(30);
        assertThat(check.get("durationText").asString()).isEqualTo("30 menit");
        assertThat(check.get("decision").get("returnsTo").asInt()).isEqualTo(1);
        assertThat(check.get("actors").get(0).asString()).isEqualTo("Staf Kepegawaian");
        // A step counted in months has no minutes, and says so.
        JsonNode month = StreamSupport.stream(sops.spliterator(), false)
                .filter(s -> s.get("code").asString().equals("UMM-04")).findFirst().orElseThrow().get("steps").get(1);
        assertThat(month.get("minutes").isNull()).isTrue();
        assertThat(month.get("unit").asString()).isEqualTo("CALENDAR_MONTHS");
        assertThat(month.get("durationText").asString()).isEqualTo("1 bulan");
    }

    @Nested
    class Import {
        @TempDir
        Path dir;

        @Test
        void aSeedTableIsReadAsADraftWithoutWritingOnDryRun() throws IOException {
            Path table = seedTable(dir, 606, 617);
            List<String> db = h2();
            Run dry = run(db, "catalog", "import", table.toString(), "--dry-run", "--json",
                    "--title", "Cuti Tahunan (impor)", "--service-type", "kesekretariatan", "--code", "UMM-21");
            assertThat(dry.exit()).isZero();
            assertThat(dry.out()).contains("\"code\" : \"UMM-21\"", "\"returnsTo\" : 3", "10 langkah terbaca, tidak ada yang disimpan");
            assertThat(run(db, "catalog", "list").out()).doesNotContain("UMM-21").contains("48 SOP kantor DKUKM");
        }

        @Test
        void anImportedTableIsStoredAsADraft() throws IOException {
            Path table = seedTable(dir, 606, 617);
            List<String> db = h2();
            Run stored = run(db, "catalog", "import", table.toString(), "--title", "Cuti Tahunan (impor)",
                    "--service-type", "KESEKRETARIATAN");
            assertThat(stored.exit()).isZero();
            assertThat(stored.out()).contains("draf IMP-01 versi 1 disimpan untuk kantor DKUKM (10 langkah)");
            assertThat(run(db, "catalog", "list").out()).contains("IMP-01", "DRAFT", "49 SOP kantor DKUKM");
        }

        @Test
        void garbageIsRefusedAndNothingIsWritten() throws IOException {
            Path garbage = dir.resolve("garbage.txt");
            Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xff, 'x', 0});
            List<String> db = h2();
            Run run = run(db, "catalog", "import", garbage.toString(), "--lang", "en");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("garbage.txt", "neither tab-separated UTF-8 text nor XLSX", "nothing was stored");
            assertThat(run(db, "catalog", "list").out()).contains("48 SOP kantor DKUKM");
        }

        @Test
        void aTextWithoutATableIsRefused() throws IOException {
            Path text = dir.resolve("letter.txt");
            Files.writeString(text, "Kepada Yth.\tBapak Kepala Dinas\nMohon izin cuti.\n");
            Run run = run(h2(), "catalog", "import", text.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("letter.txt", "baris judul tabel", "impor gagal: tidak ada yang disimpan");
        }

        @Test
        void wrongWordsAreNamed() throws IOException {
            Path table = seedTable(dir, 606, 617);
            assertThat(run(h2(), "catalog", "import", table.toString(), "--bogus").err()).contains("opsi --bogus tidak dikenal");
            assertThat(run(h2(), "catalog", "import").exit()).isEqualTo(2);
            assertThat(run(h2(), "catalog", "import", table.toString(), "--service-type", "X").err())
                    .contains("jenis pelayanan \"X\" tidak dikenal");
            assertThat(run(h2(), "catalog", "import", table.toString(), "--code", "cuti").err()).contains("kode \"cuti\" tidak sah");
            assertThat(run(h2(), "catalog", "import", dir.resolve("missing.txt").toString()).err())
                    .contains("missing.txt tidak ditemukan");
            assertThat(run(h2(), "catalog", "list", "--office", "NOPE").err()).contains("kantor \"NOPE\" tidak dikenal");
            assertThat(run(h2(), "catalog", "frobnicate").err()).contains("sub-perintah \"frobnicate\" tidak dikenal");
            assertThat(run(h2(), "nothing").exit()).isEqualTo(2);
        }
    }

    @Nested
    class ExportXlsx {
        @TempDir
        Path dir;

        @Test
        void writesOneWorkbookPerSop() throws IOException {
            Run all = run(h2(), "export", "xlsx", "--all", "--out", dir.toString());
            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains("48 berkas ditulis");
            try (var files = Files.list(dir)) {
                assertThat(files.filter(f -> f.toString().endsWith(".xlsx")).count()).isEqualTo(48);
            }
            assertThat(run(h2(), "export", "xlsx", "UMM-06", "--out", dir.resolve("one").toString()).exit()).isZero();
            assertThat(dir.resolve("one/UMM-06.xlsx")).exists();
            assertThat(run(h2(), "export", "xlsx", "XXX-99", "--out", dir.toString()).err()).contains("tidak ada SOP XXX-99");
            assertThat(run(h2(), "export", "xlsx", "--out", dir.toString()).exit()).isEqualTo(2);
            Run bpmn = run(h2(), "export", "bpmn", "--all", "--out", dir.resolve("bpmn").toString());
            assertThat(bpmn.exit()).isZero();
            try (var files = Files.list(dir.resolve("bpmn"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".bpmn")).count()).isEqualTo(48);
            }
            assertThat(Files.readString(dir.resolve("bpmn/UMM-06.bpmn"))).contains("<process id=\"sop_UMM_06\"");
        }
    }

    @Nested
    class Documents {
        @TempDir
        Path dir;

        @Test
        void printsAnSopAndTheWholeAnnex() throws IOException {
            Run one = run(h2(), "document", "sop", "UMM-06", "--out", dir.resolve("UMM-06.pdf").toString(), "--paper", "a4");
            assertThat(one.exit()).isZero();
            assertThat(one.out()).contains("1 SOP dicetak ke", "dirender dalam");
            assertThat(Files.readAllBytes(dir.resolve("UMM-06.pdf"))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
            Run all = run(h2(), "document", "lampiran", "--out", dir.resolve("lampiran.pdf").toString());
            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains("48 SOP dicetak ke");
            assertThat(run(h2(), "document", "sop", "XXX-99", "--out", dir.resolve("x.pdf").toString()).err())
                    .contains("tidak ada SOP XXX-99");
            assertThat(run(h2(), "document", "sop", "UMM-06", "--out", "x.pdf", "--paper", "letter").err())
                    .contains("nilai \"letter\" tidak sah untuk opsi --paper");
            assertThat(run(h2(), "document", "brosur", "--out", "x.pdf").exit()).isEqualTo(2);
        }
    }

    /** The same export from PostgreSQL (skipped without PostgreSQL, except on CI). */
    @Nested
    class OnPostgres {
        @RegisterExtension
        static final PostgresSchema PG = new PostgresSchema();

        @Test
        void exportsTheSameCatalog() {
            List<String> db = List.of("--spring.datasource.url=" + PG.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--spring.flyway.schemas=" + PG.schema(),
                    "--spring.flyway.default-schema=" + PG.schema());
            Run run = run(db, "catalog", "export", "--format", "json");
            assertThat(run.exit()).isZero();
            assertExport(JsonMapper.builder().build().readTree(run.out()));
            assertThat(run(db, "catalog", "list").out()).contains("48 SOP kantor DKUKM");
        }
    }
}
