package id.sopan.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One table of a report as plain data, for every export (CSV, XLSX) alike: typed columns and rows of cells, worded
 * in the reader's language by {@link ReportTables}.
 *
 * @param name   file-safe ({@code DKUKM-kinerja-sop-2026-01-2026-06}): letters, digits, '-' and '_'
 * @param sheet  a short label for a workbook's sheet tab (at most 31 characters, none of {@code []:*?/\})
 * @param title  what the table shows, with its period
 * @param rows   cells in column order; a cell is null (empty), or of its column's {@link Type#javaType()}
 * @param totals rows shown after the others and set apart (sums), often none
 */
public record ReportTable(String name, String sheet, String title, List<Column> columns, List<List<Object>> rows,
                          List<List<Object>> totals) {

    public static final int MAX_SHEET = 31;
    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,149}");
    private static final Pattern SHEET_FORBIDDEN = Pattern.compile("[\\[\\]:*?/\\\\]");

    /** What a column holds, which says how a writer shows it. */
    public enum Type {
        TEXT(String.class),
        /** A count. */
        INTEGER(Long.class),
        /** A share from 0 to 1 (shown as a percentage). */
        PERCENT(Double.class),
        /** Working minutes on the office calendar. */
        MINUTES(Long.class),
        /** An amount in rupiah with at most two decimals (sen). */
        RUPIAH(BigDecimal.class);

        private final Class<?> javaType;

        Type(Class<?> javaType) {
            this.javaType = javaType;
        }

        public Class<?> javaType() {
            return javaType;
        }

        public boolean numeric() {
            return this != TEXT;
        }
    }

    public record Column(String title, Type type) {
        public Column {
            if (title == null || title.isBlank() || type == null) {
                throw new IllegalArgumentException("a column needs a title and a type");
            }
        }
    }

    public ReportTable {
        if (name == null || !FILE_SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("not a file-safe name: " + name);
        }
        if (sheet == null || sheet.isBlank() || sheet.length() > MAX_SHEET || SHEET_FORBIDDEN.matcher(sheet).find()) {
            throw new IllegalArgumentException("not a sheet label: " + sheet);
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        rows = checked(name, columns, rows);
        totals = checked(name, columns, totals);
    }

    /** A table in the making: columns first, then rows. */
    public static Builder builder(String name, String sheet, String title) {
        return new Builder(name, sheet, title);
    }

    private static List<List<Object>> checked(String name, List<Column> columns, List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ", row " + (r + 1) + ": " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                Type type = columns.get(c).type();
                if (cell != null && !type.javaType().isInstance(cell)) {
                    throw new IllegalArgumentException("table " + name + ", row " + (r + 1) + ", column "
                            + columns.get(c).title() + ": " + cell.getClass().getSimpleName() + " is not " + type);
                }
            }
            // Cells may be null, which List.copyOf refuses.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        return Collections.unmodifiableList(copy);
    }

    public static final class Builder {
        private final String name;
        private final String sheet;
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<List<Object>> totals = new ArrayList<>();

        private Builder(String name, String sheet, String title) {
            this.name = name;
            this.sheet = sheet;
            this.title = title;
        }

        public Builder column(String title, Type type) {
            columns.add(new Column(title, type));
            return this;
        }

        /** Integers may be given as int or long, shares as any number: they are stored as the column's type. */
        public Builder row(Object... cells) {
            rows.add(normalized(cells));
            return this;
        }

        public Builder total(Object... cells) {
            totals.add(normalized(cells));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(name, sheet, title, columns, rows, totals);
        }

        private List<Object> normalized(Object[] cells) {
            List<Object> row = new ArrayList<>(cells.length);
            for (int i = 0; i < cells.length; i++) {
                Object cell = cells[i];
                Type type = i < columns.size() ? columns.get(i).type() : Type.TEXT;
                if (cell instanceof Integer n && (type == Type.INTEGER || type == Type.MINUTES)) {
                    cell = n.longValue();
                } else if (cell instanceof Number n && type == Type.PERCENT && !(cell instanceof Double)) {
                    cell = n.doubleValue();
                }
                row.add(cell);
            }
            return row;
        }
    }
}
