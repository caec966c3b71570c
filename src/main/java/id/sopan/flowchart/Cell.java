package id.sopan.flowchart;

import java.util.List;

/**
 * One cell of the table on a page: its box and its text, already wrapped to the box's inner width.
 *
 * @param kind       the header, a step's row, or the band that holds off-page connectors
 * @param column     the column's kind (for a header spanning several columns, that of its first column)
 * @param step       the step's number for a row cell, else 0
 * @param box        the cell's outline
 * @param lines      the wrapped lines, top to bottom (empty for an empty cell)
 * @param fontSize   the font size in points
 * @param bold       whether the text is bold (headers)
 * @param centered   whether the lines are centered (headers, numbers, times) rather than left-aligned
 * @param clipped    true when the text was longer than the tallest row a page can hold and was cut (the last line
 *                   then ends with "…")
 */
public record Cell(Kind kind, Column.Kind column, int step, Box box, List<String> lines, double fontSize,
                   boolean bold, boolean centered, boolean clipped) {

    public enum Kind { HEADER, ROW, CONNECTOR_BAND }

    /** The padding between the outline and the text on every side. */
    public static final double PADDING = 3;
    /** Line height as a multiple of the font size. */
    public static final double LEADING = 1.2;

    public Cell {
        lines = List.copyOf(lines);
    }

    public double innerWidth() {
        return box.width() - 2 * PADDING;
    }

    public double lineHeight() {
        return fontSize * LEADING;
    }

    /** The height of the text block, padding included. */
    public double textHeight() {
        return lines.isEmpty() ? 0 : lines.size() * lineHeight() + 2 * PADDING;
    }

    /** The baseline of line {@code i}: row cells align text at the top, header cells in the middle. */
    public double baseline(int i) {
        double top = kind == Kind.HEADER ? box.centerY() - (textHeight() - 2 * PADDING) / 2 : box.y() + PADDING;
        return top + i * lineHeight() + fontSize * 0.9;
    }

    /** Where a line starts (left-aligned) or its center (centered). */
    public double textX() {
        return centered ? box.centerX() : box.x() + PADDING;
    }
}
