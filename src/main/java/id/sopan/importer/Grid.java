package id.sopan.importer;

import java.util.List;

/**
 * A table as rows of text cells, whatever file it came from.
 *
 * @param source the file's name, for messages
 * @param rows   the rows in order; each knows its line (text) or row (XLSX) number
 */
public record Grid(String source, List<Row> rows) {

    public Grid {
        rows = List.copyOf(rows);
    }

    /** @param line 1-based line or row number in the source file */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }

        public long filledCells() {
            return cells.stream().filter(c -> c != null && !c.isBlank()).count();
        }
    }

    public Grid slice(int fromIndex, int toIndex) {
        return new Grid(source, rows.subList(fromIndex, toIndex));
    }
}
