package id.sopan.importer;

import id.sopan.sop.Problem;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of a tab-separated text or an XLSX workbook into a {@link Grid}. */
public final class GridReaders {

    /** Largest file the importer reads: an SOP table is a few dozen kilobytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Largest part of a workbook once inflated: a sheet of an SOP table is well under a megabyte. */
    public static final long MAX_ENTRY_BYTES = 10L * 1024 * 1024;
    /** Smallest compressed/inflated ratio of a part (POI's own default): below it, a zip bomb. */
    public static final double MIN_INFLATE_RATIO = 0.01;

    /** The most lines (rows) and cells per line read: an SOP table has a few dozen of each. */
    public static final int MAX_ROWS = 20_000;
    public static final int MAX_COLUMNS = 500;

    static {
        ooxmlLimits();
    }

    private GridReaders() {
    }

    /**
     * POI's zip limits are global: set them once, before any workbook is opened, so no reader in the application
     * (here or elsewhere) opens an OOXML file without them.
     */
    public static void ooxmlLimits() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** Reads by content: an XLSX (a zip) when the bytes start like one, else UTF-8 text. */
    public static GridOrProblem read(String fileName, byte[] bytes) {
        Problem unfit = checkSize(fileName, bytes);
        if (unfit != null) {
            return GridOrProblem.failed(unfit);
        }
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return readXlsx(fileName, bytes);
        }
        return readText(fileName, bytes);
    }

    public static GridOrProblem readText(String fileName, byte[] bytes) {
        Problem unfit = checkSize(fileName, bytes);
        if (unfit != null) {
            return GridOrProblem.failed(unfit);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer decoded = CharBuffer.allocate(bytes.length + 1);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, decoded, true);
        if (!result.isError()) {
            result = decoder.flush(decoded);
        }
        if (result.isError()) {
            // The line of the first byte that is not UTF-8, so the user knows where to look.
            return GridOrProblem.failed(Problem.error(where(fileName, lineAt(bytes, in.position())),
                    "import.file.notUtf8", in.position() + 1));
        }
        String text = decoded.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0 || controlShare(text) > 0.01) {
            int at = nul >= 0 ? nul : firstControl(text);
            return GridOrProblem.failed(Problem.error(where(fileName, lineAt(text, at)), "import.file.notText"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.empty"));
        }
        List<Grid.Row> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length > MAX_ROWS) {
            return GridOrProblem.failed(Problem.error(where(fileName, MAX_ROWS + 1), "import.file.tooManyRows",
                    MAX_ROWS));
        }
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            if (cells.length > MAX_COLUMNS) {
                return GridOrProblem.failed(Problem.error(where(fileName, i + 1), "import.file.tooManyColumns",
                        MAX_COLUMNS));
            }
            rows.add(new Grid.Row(i + 1, List.of(cells)));
        }
        return GridOrProblem.ok(new Grid(fileName, rows));
    }

    public static GridOrProblem readXlsx(String fileName, byte[] bytes) {
        Problem unfit = checkSize(fileName, bytes);
        if (unfit != null) {
            return GridOrProblem.failed(unfit);
        }
        // Refuse zip bombs: POI checks the inflate ratio and the size of every entry it opens.
        ooxmlLimits();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = pickSheet(workbook);
            DataFormatter formatter = new DataFormatter();
            List<Grid.Row> rows = new ArrayList<>();
            if (sheet.getLastRowNum() >= MAX_ROWS) {
                return GridOrProblem.failed(Problem.error(where(fileName, MAX_ROWS + 1), "import.file.tooManyRows",
                        MAX_ROWS));
            }
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    if (row.getLastCellNum() > MAX_COLUMNS) {
                        return GridOrProblem.failed(Problem.error(where(fileName, r + 1), "import.file.tooManyColumns",
                                MAX_COLUMNS));
                    }
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).replace('\n', ' ').strip());
                    }
                }
                rows.add(new Grid.Row(r + 1, cells));
            }
            return GridOrProblem.ok(new Grid(fileName, rows));
        } catch (Exception | OutOfMemoryError e) {
            // OutOfMemoryError too: the limits above should make it impossible, but a workbook must never stop the app.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                    return GridOrProblem.failed(Problem.error(where(fileName), "import.file.zipBomb",
                            MAX_ENTRY_BYTES / (1024 * 1024)));
                }
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.notXlsx",
                    reason.length() > 200 ? reason.substring(0, 197) + "..." : reason));
        }
    }

    /** The sheet holding the steps: the first whose cells name a Kegiatan column, else the first. */
    private static Sheet pickSheet(Workbook workbook) {
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell);
                    if (TableImporter.isKegiatanHeader(text)) {
                        return sheet;
                    }
                }
            }
        }
        return workbook.getSheetAt(0);
    }

    private static Problem checkSize(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            return Problem.error(where(fileName), "import.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Problem.error(where(fileName), "import.file.tooBig", MAX_BYTES / (1024 * 1024));
        }
        return null;
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int lineAt(String text, int end) {
        int line = 1;
        for (int i = 0; i < end && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return 0;
    }

    private static double controlShare(String text) {
        long controls = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r').count();
        return text.isEmpty() ? 0 : (double) controls / text.length();
    }

    /** A problem of the whole file: the field is the file itself. */
    private static Problem.Location where(String file) {
        return new Problem.Location(file, null, null, null, "file");
    }

    private static Problem.Location where(String file, int line) {
        return new Problem.Location(file, line, null, null, "file");
    }

    /** Either a grid, or the problem that stopped reading. */
    public record GridOrProblem(Grid grid, Problem problem) {
        static GridOrProblem ok(Grid grid) {
            return new GridOrProblem(grid, null);
        }

        static GridOrProblem failed(Problem problem) {
            return new GridOrProblem(null, problem);
        }

        public boolean failed() {
            return grid == null;
        }
    }
}
