package id.sopan.documents;

import id.sopan.reports.ReportTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link ReportTable} as CSV (RFC 4180): one header row, then the rows and the totals; fields separated by commas,
 * quoted when they hold a comma, a quote or a line break; lines ending in CRLF; UTF-8 with a byte order mark, so that
 * Excel reads the Indonesian words right. Numbers are written plainly (a point before decimals, no grouping): a
 * share as a percentage with one decimal ({@code 96.9}), rupiah with two ({@code 1500000000.00}).
 */
public final class ReportCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    public static byte[] write(ReportTable table) {
        StringBuilder out = new StringBuilder(BOM);
        List<ReportTable.Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            out.append(c == 0 ? "" : ",").append(field(columns.get(c).title()));
        }
        out.append(CRLF);
        for (List<List<Object>> part : List.of(table.rows(), table.totals())) {
            for (List<Object> row : part) {
                for (int c = 0; c < row.size(); c++) {
                    out.append(c == 0 ? "" : ",").append(cell(row.get(c), columns.get(c).type()));
                }
                out.append(CRLF);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value, ReportTable.Type type) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> field(guarded((String) value));
            case INTEGER, MINUTES -> value.toString();
            case PERCENT -> BigDecimal.valueOf((Double) value * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
            case RUPIAH -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** Quoted when needed, quotes doubled (RFC 4180). */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * A typed text a spreadsheet would take for a formula (what an evaluator wrote may start with "=") is kept as
     * text by a leading apostrophe (OWASP's advice against CSV injection).
     */
    static String guarded(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || first == '-' && text.length() > 1;
        return formula ? "'" + text : text;
    }
}
