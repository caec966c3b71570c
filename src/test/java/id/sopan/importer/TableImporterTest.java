package id.sopan.importer;

import id.sopan.catalog.SeedCodes;
import id.sopan.catalog.SopCodec;
import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.Decision;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TableImporterTest {

    // --- helpers -----------------------------------------------------------------------------------

    /** The annex's two header rows, with two Pelaksana columns. */
    private static final String HEAD = "No.\tKEGIATAN\tPELAKSANA\t\tMUTU BAKU\t\t\tKet.";
    private static final String SUB = "\t\tStaf Perencana\tKasubbag Program\tKelengkapan\tWaktu\tOutput\t";

    private static Grid text(String... lines) {
        GridReaders.GridOrProblem read = GridReaders.readText("sop.txt",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        assertThat(read.failed()).as("read: %s", read.problem()).isFalse();
        return read.grid();
    }

    private static ImportResult importLines(String... lines) {
        return TableImporter.importTable(text(lines), ImportOptions.NONE);
    }

    private static List<Problem> withKey(ImportResult result, String key) {
        return result.problems().stream().filter(p -> p.key().equals(key)).toList();
    }

    private static Problem single(ImportResult result, String key) {
        List<Problem> found = withKey(result, key);
        assertThat(found).as("%s in %s", key, result.problems()).hasSize(1);
        return found.get(0);
    }

    private static List<String> actorNames(SopDefinition sop) {
        return sop.actors().stream().map(Actor::name).toList();
    }

    private static Problem failedRead(String name, byte[] bytes) {
        GridReaders.GridOrProblem read = GridReaders.read(name, bytes);
        assertThat(read.failed()).isTrue();
        assertThat(read.grid()).isNull();
        assertThat(read.problem().isError()).isTrue();
        assertThat(read.problem().location().file()).isEqualTo(name);
        return read.problem();
    }

    // --- the seed annex ----------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SeedAnnex {

        private static final int CUTI_TAHUNAN = 23;

        private List<Grid> tables;
        private final Map<String, SopDefinition> catalog = new LinkedHashMap<>();
        private final Map<String, ImportResult> imported = new LinkedHashMap<>();

        @BeforeAll
        void readSeed() throws IOException {
            Path seed = Path.of("seed/perbup-kuningan-22-2016-sop-ap-dinkop-ukm.txt");
            GridReaders.GridOrProblem read = GridReaders.readText(seed.getFileName().toString(), Files.readAllBytes(seed));
            assertThat(read.failed()).isFalse();
            tables = TableImporter.splitTables(read.grid());
            List<String> codes = SeedCodes.inOrder();
            for (int i = 0; i < tables.size() && i < codes.size(); i++) {
                String code = codes.get(i);
                imported.put(code, TableImporter.importTable(tables.get(i), new ImportOptions(code, null, null)));
                catalog.put(code, catalogSop(code));
            }
        }

        private SopDefinition catalogSop(String code) throws IOException {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalog/dkukm/" + code + ".yaml")) {
                assertThat(in).as("catalog file of %s", code).isNotNull();
                SopCodec.Read read = SopCodec.readYaml(code + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertThat(read.ok()).as("%s: %s", code, read.problems()).isTrue();
                return read.sop();
            }
        }

        @Test
        void splitsIntoTheAnnexs48Tables() {
            assertThat(tables).hasSize(48);
            assertThat(SeedCodes.inOrder()).hasSize(48).doesNotHaveDuplicates();
            assertThat(tables).allSatisfy(t -> assertThat(TableImporter.isKegiatanHeader(t.rows().get(0).cell(1))).isTrue());
        }

        @Test
        void everyTableImportsToADraftWithTheReviewedStepCount() {
            assertThat(imported).hasSize(48);
            imported.forEach((code, result) -> {
                assertThat(result.draft()).as(code).isNotNull();
                assertThat(result.hasErrors()).as("%s: %s", code, result.problems()).isFalse();
                assertThat(result.draft().code()).isEqualTo(code);
                assertThat(result.draft().steps()).as("steps of %s", code).hasSameSizeAs(catalog.get(code).steps());
                List<Integer> printed = result.draft().steps().stream().map(Step::number).toList();
                List<Integer> reviewed = catalog.get(code).steps().stream().map(Step::number).toList();
                if (!printed.equals(reviewed)) {
                    // The seed misnumbers a few rows (PRG-12 goes 1..5, 7); the review renumbered them.
                    assertThat(withKey(result, "import.step.numbering")).as("%s printed %s", code, printed).hasSize(1);
                }
            });
        }

        @Test
        void printedMinutesMatchTheReviewedCatalog() {
            int compared = 0;
            for (Map.Entry<String, ImportResult> e : imported.entrySet()) {
                List<Step> draft = e.getValue().draft().steps();
                List<Step> reviewed = catalog.get(e.getKey()).steps();
                for (int i = 0; i < draft.size() && i < reviewed.size(); i++) {
                    StandardTime time = draft.get(i).waktu();
                    if (time.workingMinutes().isPresent()) {
                        assertThat(reviewed.get(i).waktu().workingMinutes()).as("%s step %d", e.getKey(), i + 1)
                                .isEqualTo(time.workingMinutes());
                        compared++;
                    }
                }
            }
            assertThat(compared).as("steps compared").isGreaterThan(300);
        }

        @Test
        void findsTheDecisionsOfCutiTahunan() {
            SopDefinition umm06 = imported.get("UMM-06").draft();
            assertThat(umm06.steps()).filteredOn(Step::isDecision)
                    .extracting(Step::number, s -> s.decision().returnsTo())
                    .containsExactly(tuple(2, 1), tuple(4, 3));
        }

        @Test
        void findsTheDecisionOfRenstra() {
            SopDefinition prg01 = imported.get("PRG-01").draft();
            assertThat(prg01.steps()).filteredOn(Step::isDecision)
                    .extracting(Step::number, s -> s.decision().returnsTo())
                    .containsExactly(tuple(7, 6));
        }

        @Test
        void importedDecisionsAreTheReviewedOnes() {
            for (String code : List.of("UMM-06", "PRG-01")) {
                assertThat(imported.get(code).draft().steps()).extracting(Step::decision).as(code)
                        .containsExactlyElementsOf(catalog.get(code).steps().stream().map(Step::decision).toList());
            }
        }

        @Test
        void readsTheActorsOfCutiTahunan() {
            assertThat(SeedCodes.inOrder().get(CUTI_TAHUNAN)).isEqualTo("UMM-06");
            ImportResult result = TableImporter.importTable(tables.get(CUTI_TAHUNAN), ImportOptions.NONE);
            SopDefinition sop = result.draft();
            assertThat(sop.actors()).extracting(Actor::name, Actor::kind).containsExactly(
                    tuple("Pemohon", ActorKind.PEMOHON),
                    tuple("Staf Kepegawaian", ActorKind.INTERNAL),
                    tuple("Kasubbag Umum", ActorKind.INTERNAL),
                    tuple("Sekretaris Dinas", ActorKind.INTERNAL),
                    tuple("Kepala Dinas", ActorKind.INTERNAL),
                    tuple("BKD", ActorKind.EXTERNAL));
            assertThat(sop.steps()).extracting(Step::actors).containsExactlyElementsOf(
                    catalog.get("UMM-06").steps().stream().map(Step::actors).toList());
            assertThat(sop.steps().get(0).kelengkapan()).startsWith("surat permohonan cuti ybs");
            assertThat(sop.steps().get(9).waktu().workingMinutes()).hasValue(10);
        }

        @Test
        void aStepNamingTwoActorsGetsBoth() {
            Step step2 = imported.get("PRG-01").draft().step(2).orElseThrow();
            assertThat(step2.kegiatan()).startsWith("Sekretaris Dinas dan Kepala Bidang");
            assertThat(step2.actors()).containsExactly("Sekretaris Dinas", "Kepala Bidang");
        }

        @Test
        void thousandsSeparatorInTheSeed() {
            Step step3 = imported.get("PRG-01").draft().step(3).orElseThrow();
            assertThat(step3.waktu().workingMinutes()).hasValue(1320);
            assertThat(step3.waktu().text()).isEqualTo("1.320 menit");
        }

        /** The same table as an XLSX workbook, the way an office would keep it. */
        byte[] cutiTahunanXlsx(boolean coverPageFirst) throws IOException {
            Grid table = tables.get(CUTI_TAHUNAN);
            try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                if (coverPageFirst) {
                    Sheet cover = workbook.createSheet("Sampul");
                    cover.createRow(0).createCell(0).setCellValue("PERATURAN BUPATI KUNINGAN NOMOR 22 TAHUN 2016");
                    cover.createRow(2).createCell(0).setCellValue("Daftar SOP");
                    Row listed = cover.createRow(3);
                    listed.createCell(0).setCellValue(1);
                    listed.createCell(1).setCellValue("Pembuatan Usulan Permohonan Cuti Tahunan");
                }
                Sheet sheet = workbook.createSheet("SOP");
                int r = 0;
                for (Grid.Row source : table.rows()) {
                    if (source.isBlank()) {
                        break; // the table ends at the blank line
                    }
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < source.cells().size(); c++) {
                        String value = source.cell(c);
                        if (value.isEmpty()) {
                            continue;
                        }
                        if (c == 0 && value.matches("\\d+")) {
                            row.createCell(c).setCellValue(Integer.parseInt(value)); // a numeric cell
                        } else {
                            row.createCell(c).setCellValue(value);
                        }
                    }
                }
                assertThat(r).isEqualTo(12); // header, sub-header, 10 steps
                workbook.write(out);
                return out.toByteArray();
            }
        }

        @Test
        void anXlsxOfCutiTahunanImportsLikeTheText() throws IOException {
            assertSameAsText(cutiTahunanXlsx(false));
        }

        @Test
        void theReaderPicksTheSheetWithTheKegiatanHeader() throws IOException {
            assertSameAsText(cutiTahunanXlsx(true));
        }

        private void assertSameAsText(byte[] xlsx) {
            GridReaders.GridOrProblem read = GridReaders.read("cuti-tahunan.xlsx", xlsx);
            assertThat(read.failed()).as("%s", read.problem()).isFalse();
            ImportResult fromXlsx = TableImporter.importTable(read.grid(), ImportOptions.NONE);
            ImportResult fromText = TableImporter.importTable(tables.get(CUTI_TAHUNAN), ImportOptions.NONE);
            assertThat(fromXlsx.draft()).isNotNull();
            assertThat(fromXlsx.draft().actors()).isEqualTo(fromText.draft().actors());
            assertThat(fromXlsx.draft().steps()).hasSize(10).isEqualTo(fromText.draft().steps());
            assertThat(fromXlsx.draft().steps()).extracting(s -> s.waktu().amount())
                    .containsExactly(10, 30, 30, 30, 30, 45, 15, 15, 10, 10);
            assertThat(fromXlsx.problems()).extracting(Problem::key)
                    .doesNotContain("import.time.missing", "import.actor.notFound", "import.header.notFound");
        }
    }

    // --- layouts other offices use -----------------------------------------------------------------

    @Nested
    class Layouts {

        @Test
        void aktivitasPersyaratanKeteranganAndATitleAbove() {
            ImportResult result = importLines(
                    "SOP Pelayanan Izin Usaha",
                    "",
                    "No\tAktivitas\tPetugas Loket\tKepala Seksi\tPersyaratan\tWaktu\tOutput\tKeterangan",
                    "1\tPetugas Loket menerima berkas permohonan\t\t\tKTP, formulir\t15 menit\tBerkas diterima\tdi loket",
                    "2\tKepala Seksi memeriksa berkas\t\t\tBerkas diterima\t2 jam\tBerkas diperiksa\t",
                    "3\tPetugas Loket menyerahkan izin kepada pemohon\t\t\tBerkas diperiksa\t1 hari\tIzin usaha\t");
            SopDefinition sop = result.draft();

            assertThat(sop).isNotNull();
            assertThat(sop.title()).isEqualTo("SOP Pelayanan Izin Usaha");
            assertThat(withKey(result, "import.title.missing")).isEmpty();
            assertThat(actorNames(sop)).containsExactly("Petugas Loket", "Kepala Seksi");
            assertThat(sop.steps()).extracting(Step::number, Step::actors, Step::kelengkapan, Step::output, Step::keterangan)
                    .containsExactly(
                            tuple(1, List.of("Petugas Loket"), "KTP, formulir", "Berkas diterima", "di loket"),
                            tuple(2, List.of("Kepala Seksi"), "Berkas diterima", "Berkas diperiksa", null),
                            tuple(3, List.of("Petugas Loket"), "Berkas diperiksa", "Izin usaha", null));
            assertThat(sop.steps()).extracting(s -> s.waktu().unit(), s -> s.waktu().amount()).containsExactly(
                    tuple(TimeUnit.WORKING_MINUTES, 15),
                    tuple(TimeUnit.WORKING_MINUTES, 120),
                    tuple(TimeUnit.WORKING_DAYS, 1));
            assertThat(sop.totalTime().display()).isEqualTo("135 menit + 1 hari kerja");
            assertThat(result.problems()).isEmpty();
        }

        @Test
        void uraianKegiatanWithOneActorColumnMarkedByATick() {
            ImportResult result = importLines(
                    "No.\tUraian Kegiatan\tPelaksana\tMutu Baku\t\t\tKet.",
                    "\t\tOperator\tKelengkapan\tWaktu\tOutput\t",
                    "1\tMencatat surat masuk di buku agenda\t√\tSurat masuk\t10 menit\tBuku agenda\t",
                    "2\tMengarsipkan surat\t√\tSurat masuk\t5 menit\tArsip\t");
            SopDefinition sop = result.draft();

            assertThat(sop).isNotNull();
            assertThat(sop.actors()).containsExactly(new Actor("Operator", ActorKind.INTERNAL));
            assertThat(sop.steps()).extracting(Step::actors).containsOnly(List.of("Operator"));
            assertThat(sop.steps()).extracting(Step::kelengkapan, Step::output)
                    .containsExactly(tuple("Surat masuk", "Buku agenda"), tuple("Surat masuk", "Arsip"));
            assertThat(withKey(result, "import.actor.notFound")).isEmpty();
        }

        @Test
        void aDozenActorColumnsMarkedByX() {
            List<String> names = List.of("Pemohon", "Petugas Loket", "Staf Teknis", "Kasi Perizinan", "Kabid Pelayanan",
                    "Sekretaris", "Kepala Dinas", "Tim Teknis", "Camat", "Bappeda", "BPKAD", "Bupati");
            String[] head = new String[2 + names.size() + 4];
            Arrays.fill(head, "");
            head[0] = "No";
            head[1] = "Kegiatan";
            for (int i = 0; i < names.size(); i++) {
                head[2 + i] = names.get(i);
            }
            head[14] = "Kelengkapan";
            head[15] = "Waktu";
            head[16] = "Output";
            head[17] = "Ket.";
            ImportResult result = importLines(
                    String.join("\t", head),
                    row(1, "Pemohon mengajukan permohonan izin", -1, "Formulir", "10 menit", "Berkas"),
                    row(2, "Menerima dan mencatat berkas", 1, "Berkas", "15 menit", "Berkas tercatat"),
                    row(3, "Memeriksa lokasi usaha", 7, "Berkas tercatat", "1 hari", "Berita acara"),
                    row(4, "Kasi Perizinan menyusun konsep izin", -1, "Berita acara", "1 jam", "Konsep izin"),
                    row(5, "Memberi rekomendasi", 9, "Konsep izin", "2 hari", "Rekomendasi"),
                    row(6, "Menandatangani izin", 11, "Rekomendasi", "1 minggu", "Izin"));
            SopDefinition sop = result.draft();

            assertThat(sop).isNotNull();
            assertThat(actorNames(sop)).containsExactlyElementsOf(names);
            assertThat(sop.actor("Pemohon")).map(Actor::kind).hasValue(ActorKind.PEMOHON);
            assertThat(sop.actor("Camat")).map(Actor::kind).hasValue(ActorKind.EXTERNAL);
            assertThat(sop.actor("Bupati")).map(Actor::kind).hasValue(ActorKind.EXTERNAL);
            assertThat(sop.actor("Tim Teknis")).map(Actor::kind).hasValue(ActorKind.INTERNAL);
            assertThat(sop.steps()).extracting(Step::actors).containsExactly(
                    List.of("Pemohon"), List.of("Petugas Loket"), List.of("Tim Teknis"), List.of("Kasi Perizinan"),
                    List.of("Bappeda"), List.of("Bupati"));
            assertThat(sop.steps().get(5).waktu()).extracting(StandardTime::unit, StandardTime::amount)
                    .containsExactly(TimeUnit.WORKING_DAYS, 5);
            assertThat(sop.steps()).extracting(Step::output)
                    .containsExactly("Berkas", "Berkas tercatat", "Berita acara", "Konsep izin", "Rekomendasi", "Izin");
            assertThat(withKey(result, "import.actor.notFound")).isEmpty();
        }

        /** A row of the dozen-actor table: a mark "X" in actor column {@code marked} (0-based), or none. */
        private String row(int n, String kegiatan, int marked, String kelengkapan, String waktu, String output) {
            String[] cells = new String[18];
            Arrays.fill(cells, "");
            cells[0] = String.valueOf(n);
            cells[1] = kegiatan;
            if (marked >= 0) {
                cells[2 + marked] = "X";
            }
            cells[14] = kelengkapan;
            cells[15] = waktu;
            cells[16] = output;
            return String.join("\t", cells);
        }

        @Test
        void aTickOutranksTheActorTheTextNamesAndTheDisagreementIsReported() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\tX\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\tX\t\tKonsep\t30 menit\tKonsep diperiksa\t");
            assertThat(result.draft().steps()).extracting(Step::actors)
                    .containsExactly(List.of("Staf Perencana"), List.of("Staf Perencana"));
            Problem p = single(result, "import.actor.tickDisagrees");
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.location().step()).isEqualTo(2);
        }

        @Test
        void aFlowchartSymbolDoesNotOverrideTheActorTheTextNames() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t█\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t█\t\tKonsep\t30 menit\tKonsep diperiksa\t");
            assertThat(result.draft().steps()).extracting(Step::actors)
                    .containsExactly(List.of("Staf Perencana"), List.of("Kasubbag Program"));
            assertThat(single(result, "import.actor.markDisagrees").location().step()).isEqualTo(2);
        }

        @Test
        void aKembaliKeColumnSetsTheReturnStep() {
            ImportResult result = importLines(
                    "No\tKegiatan\tStaf Perencana\tKasubbag Program\tKelengkapan\tWaktu\tOutput\tKembali ke",
                    "1\tStaf Perencana membuat konsep\tX\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\tX\tKonsep\t30 menit\tKonsep diperiksa\t1",
                    "3\tStaf Perencana mengarsipkan\tX\t\tKonsep\t10 menit\tArsip\tsatu");
            assertThat(result.draft().step(2).orElseThrow().decision().returnsTo()).isEqualTo(1);
            assertThat(result.draft().step(3).orElseThrow().decision()).isNull();
            assertThat(single(result, "import.decision.badTarget").args()).containsExactly("satu");
        }

        @Test
        void aRepeatedActorColumnIsDroppedAndMarksStillFindTheirColumn() {
            ImportResult result = importLines(
                    "No\tKegiatan\tStaf\tStaf\tKasubbag Umum\tKelengkapan\tWaktu\tOutput",
                    "1\tMenyiapkan berkas\tX\t\t\tData\t30 menit\tBerkas",
                    "2\tMemeriksa berkas\t\t\tX\tBerkas\t30 menit\tBerkas diperiksa");
            SopDefinition sop = result.draft();

            assertThat(sop).isNotNull();
            assertThat(actorNames(sop)).containsExactly("Staf", "Kasubbag Umum");
            assertThat(single(result, "import.actor.duplicate").args()).containsExactly("Staf");
            assertThat(sop.steps()).extracting(Step::actors)
                    .containsExactly(List.of("Staf"), List.of("Kasubbag Umum"));
        }

        @Test
        void aTableWithoutAnOutputColumn() {
            ImportResult result = importLines(
                    "No\tKegiatan\tStaf Perencana\tKasubbag Program\tKelengkapan\tWaktu\tKeterangan",
                    "1\tStaf Perencana menyiapkan data\t\t\tData\t30 menit\tpaling lambat tanggal 5",
                    "2\tKasubbag Program memeriksa data\t\t\tData\t1 jam\t");
            SopDefinition sop = result.draft();

            assertThat(sop).isNotNull();
            assertThat(actorNames(sop)).containsExactly("Staf Perencana", "Kasubbag Program");
            assertThat(sop.steps()).extracting(Step::kelengkapan, Step::output, Step::keterangan).containsExactly(
                    tuple("Data", null, "paling lambat tanggal 5"),
                    tuple("Data", null, null));
            assertThat(sop.steps()).extracting(s -> s.waktu().amount()).containsExactly(30, 60);
        }

        @Test
        void decisionBackToTheActorNamed() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tStaf Perencana menyerahkan konsep kepada Kasubbag Program\t\t\tKonsep\t5 menit\tKonsep\t",
                    "3\tKasubbag Program memeriksa konsep, jika sudah sesuai diparaf, jika belum dikembalikan kepada staf perencana untuk diperbaiki\t\t\tKonsep\t30 menit\tKonsep diparaf\t",
                    "4\tKasubbag Program mengarsipkan konsep\t\t\tKonsep diparaf\t5 menit\tArsip\t");
            assertThat(result.draft().steps()).extracting(Step::decision)
                    .containsExactly(null, null, new Decision(2), null);
        }
    }

    // --- bad input ---------------------------------------------------------------------------------

    @Nested
    class BadInput {

        @Test
        void emptyFile() {
            Problem p = failedRead("kosong.txt", new byte[0]);
            assertThat(p.key()).isEqualTo("import.file.empty");
            assertThat(failedRead("spasi.txt", " \n\t\n".getBytes(StandardCharsets.UTF_8)).key()).isEqualTo("import.file.empty");
        }

        @Test
        void binaryGarbage() {
            byte[] bytes = new byte[4096];
            new Random(42).nextBytes(bytes);
            for (int i = 0; i < bytes.length; i += 7) {
                bytes[i] = 0;
            }
            bytes[0] = 'G'; // not a zip
            assertThat(failedRead("foto.bin", bytes).key()).isIn("import.file.notText", "import.file.notUtf8");
        }

        @Test
        void validUtf8WithNulsIsNotText() {
            byte[] bytes = "No.\tKegiatan\u0000\u0000\u0000\n1\tStaf\u0000".getBytes(StandardCharsets.UTF_8);
            assertThat(failedRead("nul.txt", bytes).key()).isEqualTo("import.file.notText");
        }

        @Test
        void invalidUtf8() {
            byte[] latin1 = ("No.\tKegiatan\tPelaksana\n1\tStaf membuat konsep \u00e9d\u00e9\t\t30 menit")
                    .getBytes(StandardCharsets.ISO_8859_1);
            Problem p = failedRead("latin1.txt", latin1);
            assertThat(p.key()).isEqualTo("import.file.notUtf8");
            // The line and byte of the first broken character: "é" in Latin-1 is one byte UTF-8 cannot read.
            assertThat(p.location().line()).isEqualTo(2);
            assertThat(p.location().field()).isEqualTo("file");
            assertThat(p.args()).containsExactly(46);
        }

        @Test
        void tooBig() {
            byte[] big = new byte[GridReaders.MAX_BYTES + 1];
            Arrays.fill(big, (byte) 'a');
            Problem p = failedRead("besar.txt", big);
            assertThat(p.key()).isEqualTo("import.file.tooBig");
            assertThat(p.args()).containsExactly(5);
        }

        @Test
        void corruptXlsx() {
            byte[] bytes = new byte[600];
            new Random(7).nextBytes(bytes);
            bytes[0] = 'P';
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
            assertThat(failedRead("rusak.xlsx", bytes).key()).isEqualTo("import.file.notXlsx");
            // Read by content: the name does not matter.
            assertThat(failedRead("rusak.txt", bytes).key()).isEqualTo("import.file.notXlsx");
        }

        @Test
        void noHeader() {
            ImportResult result = importLines("Surat Edaran", "1\tSemua pegawai wajib apel", "2\tTerima kasih");
            assertThat(result.draft()).isNull();
            assertThat(result.failed()).isTrue();
            Problem p = single(result, "import.header.notFound");
            assertThat(p.isError()).isTrue();
            assertThat(p.location().file()).isEqualTo("sop.txt");
        }

        @Test
        void headerWithoutActorColumns() {
            ImportResult result = importLines("Judul", "No.\tKegiatan\tKelengkapan\tWaktu\tOutput\tKet.",
                    "1\tStaf membuat konsep\tData\t30 menit\tKonsep\t");
            assertThat(result.draft()).isNull();
            Problem p = single(result, "import.header.noActors");
            assertThat(p.isError()).isTrue();
            assertThat(p.location().line()).isEqualTo(2);
        }

        @Test
        void headerWithoutNumberedRows() {
            ImportResult result = importLines("SOP Contoh", HEAD, SUB, "", "-\tBelum diisi\t\t\t\t\t\t");
            assertThat(result.draft()).isNull();
            Problem p = single(result, "import.steps.none");
            assertThat(p.isError()).isTrue();
            assertThat(p.location().line()).isEqualTo(2);
        }

        @Test
        void waktuShiftedOneCellRight() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\t\tData\t30 menit\tKonsep",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t45 menit\tKonsep diperiksa\t");
            SopDefinition sop = result.draft();
            assertThat(sop.steps()).extracting(Step::kelengkapan, s -> s.waktu().amount(), Step::output, Step::keterangan)
                    .containsExactly(tuple("Data", 30, "Konsep", null), tuple("Konsep", 45, "Konsep diperiksa", null));
            assertThat(result.problems()).extracting(Problem::key)
                    .doesNotContain("import.output.looksLikeTime", "import.time.missing", "import.cell.extra");
        }

        @Test
        void outputThatLooksLikeATime() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\t15 menit\t");
            assertThat(result.draft()).isNotNull();
            Problem p = single(result, "import.output.looksLikeTime");
            assertThat(p.isError()).isFalse();
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.location().step()).isEqualTo(2);
            assertThat(p.location().field()).isEqualTo("output");
            assertThat(p.args()).containsExactly("15 menit");
        }

        @Test
        void missingTime() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep diperiksa\t");
            Step step1 = result.draft().step(1).orElseThrow();
            assertThat(step1.waktu().unit()).isEqualTo(TimeUnit.UNKNOWN);
            assertThat(step1.kelengkapan()).isEqualTo("Data");
            assertThat(step1.output()).isEqualTo("Konsep");
            Problem p = single(result, "import.time.missing");
            assertThat(p.isError()).isFalse();
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.location().step()).isEqualTo(1);
            assertThat(p.location().field()).isEqualTo("waktu");
        }

        @Test
        void unreadableTime() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t3:30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep diperiksa\t");
            Step step1 = result.draft().step(1).orElseThrow();
            assertThat(step1.waktu().unit()).isEqualTo(TimeUnit.UNKNOWN);
            assertThat(step1.waktu().text()).isEqualTo("3:30 menit");
            assertThat(step1.output()).isEqualTo("Konsep");
            Problem p = single(result, "import.time.unreadable");
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.location().step()).isEqualTo(1);
            assertThat(p.args()).containsExactly("3:30 menit");
            assertThat(withKey(result, "import.time.missing")).isEmpty();
        }

        @Test
        void unknownActor() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep\t",
                    "3\tMenyusun laporan bulanan\t\t\tKonsep\t30 menit\tLaporan\t");
            assertThat(result.draft()).isNotNull();
            assertThat(result.draft().step(3).orElseThrow().actors()).isEmpty();
            Problem p = single(result, "import.actor.notFound");
            assertThat(p.isError()).isFalse();
            assertThat(p.location().line()).isEqualTo(5);
            assertThat(p.location().step()).isEqualTo(3);
        }

        @Test
        void secondTableInTheSameFile() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep\t",
                    "",
                    HEAD, SUB,
                    "1\tStaf Perencana membuat laporan\t\t\tData\t30 menit\tLaporan\t",
                    "2\tKasubbag Program memeriksa laporan\t\t\tLaporan\t30 menit\tLaporan\t");
            assertThat(result.draft().steps()).extracting(Step::kegiatan)
                    .containsExactly("Staf Perencana membuat konsep", "Kasubbag Program memeriksa konsep");
            Problem p = single(result, "import.secondTable");
            assertThat(p.isError()).isFalse();
            assertThat(p.location().line()).isEqualTo(8);
        }

        @Test
        void numberingGap() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep\t",
                    "4\tStaf Perencana mengarsipkan konsep\t\t\tKonsep\t5 menit\tArsip\t");
            assertThat(result.draft().steps()).extracting(Step::number).containsExactly(1, 2, 4);
            Problem p = single(result, "import.step.numbering");
            assertThat(p.isError()).isFalse();
            assertThat(p.args()).containsExactly(4, 3);
            assertThat(p.location().step()).isEqualTo(4);
            assertThat(p.location().line()).isEqualTo(5);
        }

        @Test
        void textAfterTheTableIsIgnoredWithAWarning() {
            ImportResult result = importLines(HEAD, SUB,
                    "1\tStaf Perencana membuat konsep\t\t\tData\t30 menit\tKonsep\t",
                    "2\tKasubbag Program memeriksa konsep\t\t\tKonsep\t30 menit\tKonsep\t",
                    "KEPALA DINAS KOPERASI",
                    "3\tbukan langkah\t\t\t\t10 menit\t\t");
            assertThat(result.draft().steps()).hasSize(2);
            assertThat(single(result, "import.row.afterTable").location().line()).isEqualTo(5);
        }
    }
}
