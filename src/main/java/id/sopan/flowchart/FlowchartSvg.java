package id.sopan.flowchart;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Draws a {@link Flowchart}'s pages as SVG 1.1 text: one {@code <svg>} per page, with a {@code viewBox} in points
 * (so it scales to any width), a {@code <title>} and {@code aria-label} naming the SOP and the page, every text
 * escaped, and CSS classes ({@code fc-cell}, {@code fc-header}, {@code fc-symbol}, {@code fc-terminator},
 * {@code fc-process}, {@code fc-decision}, {@code fc-connector}, {@code fc-edge}, {@code fc-no}, {@code fc-join},
 * {@code fc-label}) styled by an embedded style sheet that a page may override.
 */
public final class FlowchartSvg {

    static final String STYLE = ".fc-cell{fill:none;stroke:#444;stroke-width:.6}"
            + ".fc-header{fill:#e8eef1}.fc-band{fill:#fafafa}"
            + ".fc-text{font-family:Helvetica,Arial,'Liberation Sans',sans-serif;fill:#1a1a1a}"
            + ".fc-bold{font-weight:bold}.fc-middle{text-anchor:middle}"
            + ".fc-symbol{fill:#fff;stroke:#0b4f6c;stroke-width:1}.fc-decision{fill:#fff8e6;stroke:#7a3b00}"
            + ".fc-connector{fill:#fff;stroke:#0b4f6c;stroke-width:1}"
            + ".fc-edge{fill:none;stroke:#1a1a1a;stroke-width:.8}.fc-head{fill:#1a1a1a}"
            + ".fc-no .fc-edge{stroke:#8a1c1c;stroke-dasharray:3 2}.fc-no .fc-head{fill:#8a1c1c}"
            + ".fc-join{stroke:#0b4f6c;stroke-width:1.2}"
            + ".fc-label{font-family:Helvetica,Arial,'Liberation Sans',sans-serif;fill:#1a1a1a;font-style:italic}";

    private FlowchartSvg() {
    }

    /** Every page, in order. */
    public static List<String> render(Flowchart chart) {
        List<String> pages = new ArrayList<>();
        for (Page page : chart.pages()) {
            pages.add(render(chart, page.number()));
        }
        return pages;
    }

    /** The embedded style sheet: a page that inlines the SVG without it (a strict CSP) serves these rules itself. */
    public static String styleSheet() {
        return STYLE;
    }

    /** Page {@code number} (1-based) as one {@code <svg>} element, with its style sheet. */
    public static String render(Flowchart chart, int number) {
        return render(chart, number, true);
    }

    /**
     * Page {@code number} (1-based) as one {@code <svg>} element; {@code embedStyle} false leaves out the
     * {@code <style>} element (the page's own style sheet carries {@link #styleSheet()}).
     */
    public static String render(Flowchart chart, int number, boolean embedStyle) {
        if (number < 1 || number > chart.pages().size()) {
            throw new IllegalArgumentException("no page " + number + " in " + chart.pages().size());
        }
        Page page = chart.pages().get(number - 1);
        LayoutOptions o = chart.options();
        String title = new MessageFormat(o.labels().title(), Locale.ROOT)
                .format(new Object[] {chart.code(), chart.title(), number, chart.pages().size()});
        StringBuilder svg = new StringBuilder(32_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"fc\" role=\"img\"")
                .append(" viewBox=\"0 0 ").append(n(page.width())).append(' ').append(n(page.height())).append('"')
                .append(" width=\"").append(n(page.width())).append("pt\" height=\"").append(n(page.height()))
                .append("pt\" preserveAspectRatio=\"xMidYMin meet\" aria-label=\"").append(escape(title)).append("\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        if (embedStyle) {
            svg.append("<style>").append(STYLE).append("</style>\n");
        }
        svg.append("<g class=\"fc-table\">\n");
        for (Cell cell : page.cells()) {
            cell(svg, cell);
        }
        svg.append("</g>\n<g class=\"fc-joins\">\n");
        for (Join join : page.joins()) {
            svg.append("<line class=\"fc-join\" x1=\"").append(n(join.from().x())).append("\" y1=\"")
                    .append(n(join.from().y())).append("\" x2=\"").append(n(join.to().x())).append("\" y2=\"")
                    .append(n(join.to().y())).append("\"/>\n");
        }
        svg.append("</g>\n<g class=\"fc-edges\">\n");
        for (Edge edge : page.edges()) {
            edge(svg, edge, o.fontSize() * 0.85);
        }
        svg.append("</g>\n<g class=\"fc-symbols\">\n");
        for (Shape shape : page.shapes()) {
            shape(svg, shape, o.fontSize());
        }
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static void cell(StringBuilder svg, Cell cell) {
        Box b = cell.box();
        String fill = switch (cell.kind()) {
            case HEADER -> " fc-header";
            case CONNECTOR_BAND -> " fc-band";
            case ROW -> "";
        };
        svg.append("<rect class=\"fc-cell").append(fill).append("\" x=\"").append(n(b.x())).append("\" y=\"")
                .append(n(b.y())).append("\" width=\"").append(n(b.width())).append("\" height=\"")
                .append(n(b.height())).append("\"/>\n");
        if (cell.lines().isEmpty()) {
            return;
        }
        svg.append("<text class=\"fc-text").append(cell.bold() ? " fc-bold" : "")
                .append(cell.centered() ? " fc-middle" : "").append("\" font-size=\"").append(n(cell.fontSize()))
                .append("\">");
        for (int i = 0; i < cell.lines().size(); i++) {
            svg.append("<tspan x=\"").append(n(cell.textX())).append("\" y=\"").append(n(cell.baseline(i)))
                    .append("\">").append(escape(cell.lines().get(i))).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    private static void edge(StringBuilder svg, Edge edge, double labelSize) {
        svg.append("<g class=\"fc-arrow").append(edge.kind() == id.sopan.sop.Transition.Kind.NO ? " fc-no" : "")
                .append("\" data-from=\"").append(edge.from()).append("\" data-to=\"").append(edge.to()).append("\">");
        svg.append("<polyline class=\"fc-edge\" points=\"").append(points(edge.points())).append("\"/>");
        svg.append("<polygon class=\"fc-head\" points=\"").append(points(edge.head())).append("\"/>");
        if (edge.label() != null) {
            svg.append("<text class=\"fc-label\" font-size=\"").append(n(labelSize)).append("\" x=\"")
                    .append(n(edge.labelAt().x())).append("\" y=\"").append(n(edge.labelAt().y())).append("\">")
                    .append(escape(edge.label())).append("</text>");
        }
        svg.append("</g>\n");
    }

    private static void shape(StringBuilder svg, Shape shape, double fontSize) {
        Box b = shape.box();
        String cls = "fc-symbol fc-" + shape.kind().name().toLowerCase(Locale.ROOT);
        switch (shape.kind()) {
            case TERMINATOR -> svg.append("<rect class=\"").append(cls).append("\" x=\"").append(n(b.x()))
                    .append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.width()))
                    .append("\" height=\"").append(n(b.height())).append("\" rx=\"").append(n(b.height() / 2))
                    .append("\" ry=\"").append(n(b.height() / 2)).append("\"/>\n");
            case PROCESS -> svg.append("<rect class=\"").append(cls).append("\" x=\"").append(n(b.x()))
                    .append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.width()))
                    .append("\" height=\"").append(n(b.height())).append("\"/>\n");
            case DECISION -> svg.append("<polygon class=\"").append(cls).append("\" points=\"")
                    .append(points(shape.outline())).append("\"/>\n");
            case CONNECTOR -> {
                svg.append("<g class=\"fc-connector-pair\" data-letter=\"").append(escape(shape.letter()))
                        .append("\"><polygon class=\"fc-connector\" points=\"").append(points(shape.outline()))
                        .append("\"/>");
                svg.append("<text class=\"fc-text fc-bold fc-middle\" font-size=\"").append(n(fontSize))
                        .append("\" x=\"").append(n(b.centerX())).append("\" y=\"")
                        .append(n(b.y() + b.height() * 0.3 + fontSize * 0.35)).append("\">")
                        .append(escape(shape.letter())).append("</text></g>\n");
            }
            default -> throw new IllegalStateException(shape.kind().name());
        }
    }

    private static String points(List<Point> points) {
        return points.stream().map(p -> n(p.x()) + "," + n(p.y())).collect(Collectors.joining(" "));
    }

    /** A coordinate with at most two decimals, without a trailing zero. */
    static String n(double v) {
        long hundredths = Math.round(v * 100);
        String sign = hundredths < 0 ? "-" : "";
        hundredths = Math.abs(hundredths);
        long whole = hundredths / 100;
        long frac = hundredths % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + "." + (frac % 10 == 0 ? Long.toString(frac / 10) : String.format(Locale.ROOT, "%02d", frac));
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (legal) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
