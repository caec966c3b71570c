package id.sopan.flowchart;

import java.util.Objects;

/**
 * How to lay a flowchart out: the page (in points, landscape), its margins, whether to paginate, the font size
 * of the table's text, the font metrics and the printed words.
 *
 * @param pageWidth  the page's width in points
 * @param pageHeight the page's height in points; ignored without pagination (the one page is as tall as the table)
 * @param margin     the margin on every side, in points
 * @param paginate   false for the web: one page as tall as the whole table
 * @param fontSize   the size of the table's text (headers, cells); labels are a little smaller
 * @param measure    the font metrics used to wrap text
 * @param labels     the printed words
 */
public record LayoutOptions(double pageWidth, double pageHeight, double margin, boolean paginate, double fontSize,
                            TextMeasure measure, Labels labels) {

    /** One millimetre in points. */
    public static final double MM = 72 / 25.4;
    /** F4 (folio, 215 × 330 mm), landscape: the paper of the regulation's annexes. */
    public static final double F4_WIDTH = 330 * MM;
    public static final double F4_HEIGHT = 215 * MM;
    /** A4 (210 × 297 mm), landscape. */
    public static final double A4_WIDTH = 297 * MM;
    public static final double A4_HEIGHT = 210 * MM;

    public LayoutOptions {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(labels, "labels");
        if (pageWidth <= 2 * margin || pageHeight <= 2 * margin || margin < 0 || fontSize <= 0) {
            throw new IllegalArgumentException("page too small for its margins, or no font size");
        }
    }

    /** F4 landscape, 10 mm margins, paginated: the default of the printed document. */
    public static LayoutOptions f4() {
        return new LayoutOptions(F4_WIDTH, F4_HEIGHT, 10 * MM, true, 7, TextMeasure.HELVETICA, Labels.indonesian());
    }

    /** A4 landscape, 10 mm margins, paginated. */
    public static LayoutOptions a4() {
        return new LayoutOptions(A4_WIDTH, A4_HEIGHT, 10 * MM, true, 7, TextMeasure.HELVETICA, Labels.indonesian());
    }

    /** The web page's drawing: F4's width, no pagination (one tall drawing), a small margin. */
    public static LayoutOptions web() {
        return new LayoutOptions(F4_WIDTH, F4_HEIGHT, 4, false, 7, TextMeasure.HELVETICA, Labels.indonesian());
    }

    public LayoutOptions withLabels(Labels newLabels) {
        return new LayoutOptions(pageWidth, pageHeight, margin, paginate, fontSize, measure, newLabels);
    }

    public LayoutOptions withMeasure(TextMeasure newMeasure) {
        return new LayoutOptions(pageWidth, pageHeight, margin, paginate, fontSize, newMeasure, labels);
    }

    public LayoutOptions withPage(double width, double height) {
        return new LayoutOptions(width, height, margin, paginate, fontSize, measure, labels);
    }

    public LayoutOptions withMargin(double newMargin) {
        return new LayoutOptions(pageWidth, pageHeight, newMargin, paginate, fontSize, measure, labels);
    }

    public LayoutOptions withPagination(boolean newPaginate) {
        return new LayoutOptions(pageWidth, pageHeight, margin, newPaginate, fontSize, measure, labels);
    }

    public LayoutOptions withFontSize(double size) {
        return new LayoutOptions(pageWidth, pageHeight, margin, paginate, size, measure, labels);
    }

    /** The usable width between the margins. */
    public double contentWidth() {
        return pageWidth - 2 * margin;
    }

    /** The usable height between the margins. */
    public double contentHeight() {
        return pageHeight - 2 * margin;
    }
}
