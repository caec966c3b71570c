package id.sopan.documents;

import id.sopan.reports.ReportTable;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ReportTable}s as an XLSX workbook, one sheet per table: the title in the first row, the header (bold,
 * frozen, with a filter) in the second, then the rows and the totals (bold). Cells are typed: counts and minutes as
 * whole numbers, shares as percentages ({@code 0.0%}), rupiah with two decimals, so that a spreadsheet sums them.
 */
public final class ReportXlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The header row (0-based); the title is above it. */
    public static final int HEADER_ROW = 1;

    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    private ReportXlsx() {
    }

    public static byte[] write(ReportTable table) {
        return write(List.of(table));
    }

    public static byte[] write(List<ReportTable> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one table");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Set<String> sheetNames = new HashSet<>();
            for (ReportTable table : tables) {
                sheet(book.createSheet(unique(table.sheet(), sheetNames)), table, styles);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX of " + tables.get(0).name(), e);
        }
    }

    private static void sheet(Sheet sheet, ReportTable table, Styles styles) {
        List<ReportTable.Column> columns = table.columns();
        int[] widths = new int[columns.size()];

        Row title = sheet.createRow(0);
        Cell titleCell = title.createCell(0);
        titleCell.setCellValue(table.title());
        titleCell.setCellStyle(styles.title);

        Row header = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).title());
            cell.setCellStyle(styles.header);
            // A long header wraps: it asks for at most half its length, whole words mostly.
            widths[c] = Math.max(widths[c], Math.min(columns.get(c).title().length(),
                    Math.max(12, (columns.get(c).title().length() + 1) / 2)));
        }
        int r = HEADER_ROW + 1;
        for (List<Object> values : table.rows()) {
            write(sheet.createRow(r++), values, columns, styles.body, widths);
        }
        for (List<Object> values : table.totals()) {
            write(sheet.createRow(r++), values, columns, styles.total, widths);
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2)) * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        if (!table.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + table.rows().size(), 0,
                    columns.size() - 1));
        }
    }

    private static void write(Row row, List<Object> values, List<ReportTable.Column> columns,
                              Map<ReportTable.Type, CellStyle> styles, int[] widths) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            ReportTable.Type type = columns.get(c).type();
            Cell cell = row.createCell(c);
            cell.setCellStyle(styles.get(type));
            if (value == null) {
                continue;
            }
            switch (type) {
                case TEXT -> cell.setCellValue((String) value);
                case INTEGER, MINUTES -> cell.setCellValue(((Long) value).doubleValue());
                case PERCENT -> cell.setCellValue((Double) value);
                case RUPIAH -> cell.setCellValue(((BigDecimal) value).doubleValue());
            }
            widths[c] = Math.max(widths[c], shownLength(value, type));
        }
    }

    /** About how many characters the cell shows (a long text wraps at the widest column). */
    private static int shownLength(Object value, ReportTable.Type type) {
        return switch (type) {
            case TEXT -> ((String) value).lines().mapToInt(String::length).max().orElse(0);
            case INTEGER, MINUTES -> String.format("%,d", (Long) value).length();
            case PERCENT -> 7;
            case RUPIAH -> String.format("%,.2f", (BigDecimal) value).length();
        };
    }

    private static String unique(String label, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(label);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), ReportTable.MAX_SHEET - suffix.length())) + suffix;
        }
        return name;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final Map<ReportTable.Type, CellStyle> body = new EnumMap<>(ReportTable.Type.class);
        final Map<ReportTable.Type, CellStyle> total = new EnumMap<>(ReportTable.Type.class);

        Styles(XSSFWorkbook book) {
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = book.createCellStyle();
            title.setFont(big);

            Font bold = book.createFont();
            bold.setBold(true);
            header = bordered(book);
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            short whole = book.createDataFormat().getFormat("#,##0");
            short percent = book.createDataFormat().getFormat("0.0%");
            short rupiah = book.createDataFormat().getFormat("#,##0.00");
            for (ReportTable.Type type : ReportTable.Type.values()) {
                for (boolean isTotal : new boolean[] {false, true}) {
                    CellStyle style = bordered(book);
                    switch (type) {
                        case TEXT -> style.setWrapText(true);
                        case INTEGER, MINUTES -> style.setDataFormat(whole);
                        case PERCENT -> style.setDataFormat(percent);
                        case RUPIAH -> style.setDataFormat(rupiah);
                    }
                    if (isTotal) {
                        style.setFont(bold);
                        total.put(type, style);
                    } else {
                        body.put(type, style);
                    }
                }
            }
        }

        private static CellStyle bordered(XSSFWorkbook book) {
            CellStyle style = book.createCellStyle();
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
