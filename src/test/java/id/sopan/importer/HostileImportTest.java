package id.sopan.importer;

import id.sopan.catalog.SeedCodes;
import id.sopan.catalog.SopCodec;
import id.sopan.sop.Messages;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopValidator;
import id.sopan.sop.Step;
import id.sopan.support.HostileTables;
import id.sopan.support.HostileZips;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer fed hostile input: thousands of mutated seed tables as text and as workbooks, random bytes, broken and
 * malicious zips. Whatever comes in, the answer is the importer's own (a grid or a problem; a draft and problems),
 * never an exception; every problem of a table names its line and field; whatever draft comes out can be stored.
 * Deterministic (fixed seeds); silent unless it fails, and then each failure names its mutations and seed.
 */
class HostileImportTest {

    static final long SEED = 20_260_803L;
    /** Mutated text tables per seed table. */
    static final int TEXT_PER_TABLE = 30;
    /** Mutated workbooks per seed table. */
    static final int XLSX_PER_TABLE = 1;
    static final int CORRUPTED_WORKBOOKS = 120;
    static final int RANDOM_INPUTS = 400;

    private static final Messages ID = Messages.forLanguage("id");
    private static final Messages EN = Messages.forLanguage("en");

    private static HostileTables tables;

    @BeforeAll
    static void seed() {
        tables = HostileTables.seed(SeedCodes.inOrder());
        assertThat(tables.size()).isEqualTo(48);
    }

    @Test
    @Timeout(120) // a guard against a hang (a regular expression gone quadratic), not a timing goal
    void mutatedTextTablesGiveTheImportersOwnAnswer() {
        List<String> failures = new ArrayList<>();
        int inputs = 0;
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i < TEXT_PER_TABLE; i++) {
                HostileTables.Mutant m = tables.mutate(t, SEED + t * 1000L + i);
                String name = m.table() + ".txt";
                check(m.describe(), name, () -> GridReaders.read(name, m.bytes()), failures);
                inputs++;
            }
        }
        assertThat(inputs).isEqualTo(48 * TEXT_PER_TABLE);
        assertThat(failures).as("%d of %d mutated tables", failures.size(), inputs).isEmpty();
    }

    @Test
    @Timeout(120)
    void mutatedWorkbooksGiveTheImportersOwnAnswer() throws IOException {
        List<String> failures = new ArrayList<>();
        List<byte[]> workbooks = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            for (int i = 0; i < XLSX_PER_TABLE; i++) {
                HostileTables.Mutant m = tables.mutate(t, SEED + 500_000 + t * 1000L + i);
                byte[] xlsx = workbook(m.rows(), new Random(m.seed()));
                workbooks.add(xlsx);
                String name = m.table() + ".xlsx";
                check("workbook of " + m.describe(), name, () -> GridReaders.read(name, xlsx), failures);
            }
        }
        Random random = new Random(SEED);
        for (int i = 0; i < CORRUPTED_WORKBOOKS; i++) {
            long seed = random.nextLong();
            Random r = new Random(seed);
            byte[] base = workbooks.get(r.nextInt(workbooks.size()));
            byte[] bytes = base.clone();
            String how;
            switch (r.nextInt(4)) {
                case 0 -> {
                    int at = r.nextInt(bytes.length);
                    bytes = Arrays.copyOf(bytes, at);
                    how = "truncated at " + at;
                }
                case 1 -> {
                    int flips = 1 + r.nextInt(20);
                    for (int f = 0; f < flips; f++) {
                        bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    how = flips + " bytes flipped";
                }
                case 2 -> {
                    int at = r.nextInt(bytes.length);
                    int length = Math.min(bytes.length - at, 1 + r.nextInt(2000));
                    Arrays.fill(bytes, at, at + length, (byte) 0);
                    how = length + " bytes zeroed at " + at;
                }
                default -> {
                    int at = r.nextInt(bytes.length);
                    byte[] junk = new byte[1 + r.nextInt(100)];
                    r.nextBytes(junk);
                    byte[] longer = new byte[bytes.length + junk.length];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(junk, 0, longer, at, junk.length);
                    System.arraycopy(bytes, at, longer, at + junk.length, bytes.length - at);
                    bytes = longer;
                    how = junk.length + " random bytes inserted at " + at;
                }
            }
            byte[] input = bytes;
            check("corrupted workbook (" + how + "), seed " + seed, "corrupt.xlsx",
                    () -> GridReaders.read("corrupt.xlsx", input), failures);
        }
        assertThat(failures).as("%d of %d workbooks", failures.size(), workbooks.size() + CORRUPTED_WORKBOOKS).isEmpty();
    }

    @Test
    @Timeout(60)
    void randomBytesGiveOneProblemOrADraft() {
        List<String> failures = new ArrayList<>();
        Random random = new Random(SEED);
        String[] names = {"x.txt", "x.xlsx", "x", "x.tsv"};
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            long seed = random.nextLong();
            Random r = new Random(seed);
            byte[] bytes = new byte[r.nextInt(8192)];
            r.nextBytes(bytes);
            if (i % 4 == 1 && bytes.length > 4) {
                bytes[0] = 'P';
                bytes[1] = 'K';
                bytes[2] = 3;
                bytes[3] = 4;
            }
            if (i % 4 == 2) { // printable junk: passes as text, must still be read safely
                for (int b = 0; b < bytes.length; b++) {
                    bytes[b] = (byte) (r.nextInt(8) == 0 ? '\t' : r.nextInt(6) == 0 ? '\n' : 32 + r.nextInt(95));
                }
            }
            String name = names[i % names.length];
            byte[] input = bytes;
            check("random bytes, seed " + seed + " (" + bytes.length + " bytes)", name,
                    () -> GridReaders.read(name, input), failures);
        }
        assertThat(failures).as("of %d random inputs", RANDOM_INPUTS).isEmpty();
    }

    @Test
    @Timeout(60)
    void aZipBombIsRefusedQuicklyWithLittleMemory() throws IOException {
        Map<String, HostileZips.Entry> parts = HostileZips.entriesOf(workbook(tables.rows(22), new Random(1)));
        String sheet = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).findFirst().orElseThrow();
        // 2 GiB of sheet XML in about 2 MB.
        HostileZips.Entry bomb = HostileZips.bomb(sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>", 2048);
        List<HostileZips.Entry> entries = new ArrayList<>(parts.values());
        entries.replaceAll(e -> e.name().equals(sheet) ? bomb : e);
        byte[] xlsx = HostileZips.zip(entries);
        assertThat(xlsx.length).isLessThan(GridReaders.MAX_BYTES);
        // A second bomb that claims a small size in its headers.
        HostileZips.Entry liar = HostileZips.lyingAbout(bomb, 4096);
        entries.replaceAll(e -> e.name().equals(sheet) ? liar : e);
        byte[] lying = HostileZips.zip(entries);

        for (byte[] bytes : List.of(xlsx, lying)) {
            long allocated = allocatedBytes();
            GridReaders.GridOrProblem read = GridReaders.read("bom.xlsx", bytes);
            long used = allocatedBytes() - allocated;
            assertThat(read.failed()).isTrue();
            assertThat(read.problem().isError()).isTrue();
            assertThat(read.problem().location().field()).isEqualTo("file");
            assertThat(ID.render(read.problem())).contains("bom.xlsx");
            // Far less than the 2 GiB it would inflate to (allocation, counted by the JVM for this thread).
            assertThat(used).as("bytes allocated while refusing").isLessThan(256L << 20);
        }
    }

    @Test
    @Timeout(60)
    void aSheetTooLargeForItsRatioToBeCaughtIsRefusedByItsSize() throws IOException {
        // Rows of varied digits deflate about 1:10, well within the ratio check: the entry size limit must stop it.
        Map<String, HostileZips.Entry> parts = HostileZips.entriesOf(workbook(tables.rows(0), new Random(2)));
        String sheet = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).findFirst().orElseThrow();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        Random random = new Random(SEED);
        int row = 1;
        while (xml.length() < GridReaders.MAX_ENTRY_BYTES + (1 << 20)) {
            xml.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\"><v>")
                    .append(random.nextInt(1_000_000)).append("</v></c></row>");
            row++;
        }
        xml.append("</sheetData></worksheet>");
        HostileZips.Entry big = HostileZips.deflated(sheet, xml.toString().getBytes(StandardCharsets.US_ASCII));
        List<HostileZips.Entry> entries = new ArrayList<>(parts.values());
        entries.replaceAll(e -> e.name().equals(sheet) ? big : e);
        byte[] xlsx = HostileZips.zip(entries);
        assertThat(xlsx.length).isLessThan(GridReaders.MAX_BYTES);
        assertThat((double) big.compressedSize() / big.size()).isGreaterThan(0.05);

        GridReaders.GridOrProblem read = GridReaders.read("big.xlsx", xlsx);
        assertThat(read.failed()).isTrue();
        assertThat(read.problem().location().field()).isEqualTo("file");
    }

    @Test
    void externalEntitiesAndEntityExpansionInTheSheetAreRefused() throws IOException {
        Map<String, HostileZips.Entry> parts = HostileZips.entriesOf(workbook(tables.rows(22), new Random(3)));
        String sheet = parts.keySet().stream().filter(n -> n.startsWith("xl/worksheets/")).findFirst().orElseThrow();
        String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><worksheet ").append(ns).append("><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                .append("&l12;</t></is></c></row></sheetData></worksheet>");
        String external = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet " + ns + "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c>"
                + "</row></sheetData></worksheet>";
        for (String xml : List.of(laughs.toString(), external)) {
            List<HostileZips.Entry> entries = new ArrayList<>(parts.values());
            entries.replaceAll(e -> e.name().equals(sheet)
                    ? HostileZips.deflated(sheet, xml.getBytes(StandardCharsets.UTF_8)) : e);
            GridReaders.GridOrProblem read = GridReaders.read("xxe.xlsx", HostileZips.zip(entries));
            if (!read.failed()) {
                String cells = String.join(" ", read.grid().rows().stream().flatMap(r -> r.cells().stream()).toList());
                assertThat(cells).doesNotContain("root:").doesNotContain("hahahahaha");
            } else {
                assertThat(read.problem().location().field()).isEqualTo("file");
            }
        }
        // The same in the shared strings.
        String sharedName = "xl/sharedStrings.xml";
        if (parts.containsKey(sharedName)) {
            String shared = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst "
                    + ns + " count=\"1\" uniqueCount=\"1\"><si><t>&x;</t></si></sst>";
            List<HostileZips.Entry> entries = new ArrayList<>(parts.values());
            entries.replaceAll(e -> e.name().equals(sharedName)
                    ? HostileZips.deflated(sharedName, shared.getBytes(StandardCharsets.UTF_8)) : e);
            GridReaders.GridOrProblem read = GridReaders.read("xxe.xlsx", HostileZips.zip(entries));
            assertThat(read.failed()).isTrue();
        }
    }

    // --- the checks ---------------------------------------------------------------------------------

    /** Reads and imports as {@code catalog import} does, recording what breaks the importer's promises. */
    static void check(String what, String name, Supplier<GridReaders.GridOrProblem> reader, List<String> failures) {
        try {
            GridReaders.GridOrProblem read = reader.get();
            if (read.failed()) {
                Problem p = read.problem();
                expect(p.isError(), what, "a failed read gives an error: " + p, failures);
                expect(name.equals(p.location().file()), what, "names the file: " + p, failures);
                expect(p.location().field() != null, what, "names a field: " + p, failures);
                rendered(what, p, failures);
                return;
            }
            ImportResult result = TableImporter.importTable(read.grid(), new ImportOptions("IMP-01", null, null));
            for (Problem p : result.problems()) {
                expect(p.location().line() != null && p.location().field() != null, what,
                        "problem names line and field: " + p, failures);
                rendered(what, p, failures);
            }
            if (result.failed()) {
                expect(result.hasErrors(), what, "no draft means an error: " + result.problems(), failures);
                return;
            }
            expect(!result.hasErrors(), what, "a draft comes without errors: " + result.problems(), failures);
            SopDefinition draft = result.draft();
            SopValidator.validate(draft).forEach(p -> rendered(what, p, failures));
            String json = SopCodec.toJson(draft);
            expect(json.length() <= 1_000_000, what, "stored JSON fits sop_version.definition: " + json.length(), failures);
            expect(draft.title() == null || draft.title().length() <= 500, what, "title fits", failures);
            expect(SopCodec.readJson("stored", json).sop() != null, what, "stored JSON reads back", failures);
            expect(texts(draft).noneMatch(HostileImportTest::hasControl), what, "no control characters stored",
                    failures);
        } catch (Throwable e) {
            failures.add(what + ": " + e);
        }
    }

    private static Stream<String> texts(SopDefinition sop) {
        Stream<String> steps = sop.steps().stream().flatMap((Step s) -> Stream.concat(
                Stream.of(s.kegiatan(), s.kelengkapan(), s.output(), s.keterangan(), s.waktu().text()),
                s.actors().stream()));
        return Stream.concat(Stream.concat(Stream.of(sop.title()), sop.actors().stream().map(a -> a.name())), steps)
                .filter(java.util.Objects::nonNull);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static void rendered(String what, Problem p, List<String> failures) {
        for (Messages messages : List.of(ID, EN)) {
            String text = messages.render(p);
            expect(text != null && !text.contains(p.key()) && !text.contains("field."), what, "worded: " + p.key(), failures);
        }
    }

    private static void expect(boolean ok, String what, String promise, List<String> failures) {
        if (!ok && failures.size() < 20) {
            failures.add(what + ": " + promise);
        }
    }

    /** The rows as a workbook: step numbers as numbers, some cells bold or merged, the rest as text. */
    static byte[] workbook(List<List<String>> rows, Random random) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("SOP");
            for (int r = 0; r < rows.size() && r < 5000; r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size() && c < 200; c++) {
                    String text = cells.get(c);
                    String safe = text.length() > 32_000 ? text.substring(0, 32_000) : text;
                    if (c == 0 && safe.matches("\\d{1,3}") && random.nextBoolean()) {
                        row.createCell(c).setCellValue(Integer.parseInt(safe));
                    } else {
                        row.createCell(c).setCellValue(safe);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
