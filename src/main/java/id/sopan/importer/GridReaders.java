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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns the bytes of a tab-separated text or an XLSX workbook into a {@link Grid}. */
public final class GridReaders {

    /** Largest file the importer reads: an SOP table is a few dozen kilobytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private GridReaders() {
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.notText"));
        }
        if (text.indexOf('\0') >= 0 || controlShare(text) > 0.01) {
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.notText"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.empty"));
        }
        List<Grid.Row> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            rows.add(new Grid.Row(i + 1, List.of(lines[i].split("\t", -1))));
        }
        return GridOrProblem.ok(new Grid(fileName, rows));
    }

    public static GridOrProblem readXlsx(String fileName, byte[] bytes) {
        Problem unfit = checkSize(fileName, bytes);
        if (unfit != null) {
            return GridOrProblem.failed(unfit);
        }
        // Refuse zip bombs: POI checks the inflate ratio of every entry it opens.
        ZipSecureFile.setMinInflateRatio(0.01);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = pickSheet(workbook);
            DataFormatter formatter = new DataFormatter();
            List<Grid.Row> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell).replace('\n', ' ').strip());
                    }
                }
                rows.add(new Grid.Row(r + 1, cells));
            }
            return GridOrProblem.ok(new Grid(fileName, rows));
        } catch (Exception | OutOfMemoryError e) {
            return GridOrProblem.failed(Problem.error(where(fileName), "import.file.notXlsx",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
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

    private static double controlShare(String text) {
        long controls = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r').count();
        return text.isEmpty() ? 0 : (double) controls / text.length();
    }

    private static Problem.Location where(String file) {
        return new Problem.Location(file, null, null, null, null);
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
