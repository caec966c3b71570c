package id.sopan.documents;

import id.sopan.flowchart.Box;
import id.sopan.flowchart.Cell;
import id.sopan.flowchart.Edge;
import id.sopan.flowchart.Flowchart;
import id.sopan.flowchart.FlowchartLayout;
import id.sopan.flowchart.Join;
import id.sopan.flowchart.LayoutOptions;
import id.sopan.flowchart.Page;
import id.sopan.flowchart.Point;
import id.sopan.flowchart.Shape;
import id.sopan.flowchart.TextMeasure;
import id.sopan.organization.Office;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Transition;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SOP AP documents as PDF in the PermenPAN-RB 35/2012 format: each SOP's identity page, then its procedure
 * pages drawn from the {@link FlowchartLayout} (the same layout as the web's SVG) with DejaVu Sans metrics; and the
 * regulation's whole annex (Lampiran) with a cover, the Daftar SOP grouped by jenis pelayanan, every SOP, page
 * numbers and a bookmark per SOP. F4 landscape by default, A4 as an option.
 */
public final class SopPdf {

    /** The paper the documents are printed on (landscape). */
    public enum Paper {
        F4(LayoutOptions.F4_WIDTH, LayoutOptions.F4_HEIGHT), A4(LayoutOptions.A4_WIDTH, LayoutOptions.A4_HEIGHT);

        final double width;
        final double height;

        Paper(double width, double height) {
            this.width = width;
            this.height = height;
        }

        String css() {
            return this == F4 ? "330mm 215mm" : "297mm 210mm";
        }
    }

    private static final Color LINE = new Color(0x44, 0x44, 0x44);
    private static final Color HEADER = new Color(0xe8, 0xee, 0xf1);
    private static final Color SYMBOL = new Color(0x0b, 0x4f, 0x6c);
    private static final Color DECISION = new Color(0x7a, 0x3b, 0x00);
    private static final Color DECISION_FILL = new Color(0xff, 0xf8, 0xe6);
    private static final Color NO = new Color(0x8a, 0x1c, 0x1c);

    private SopPdf() {
    }

    /** One SOP: its identity page and its procedure pages. */
    public static byte[] sop(SopDefinition sop, Office office, Paper paper) {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = Fonts.load(doc);
            append(doc, html(paper, IdentityPage.html(sop, office)));
            procedure(doc, fonts, sop, paper);
            numberPages(doc, fonts, office.name() + " · " + sop.code());
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print SOP " + sop.code(), e);
        }
    }

    /** The regulation's annex: cover, Daftar SOP by jenis pelayanan, then every SOP; page numbers, bookmarks. */
    public static byte[] lampiran(Office office, String regulation, List<SopDefinition> sops, Paper paper) {
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = Fonts.load(doc);
            append(doc, html(paper, cover(office, regulation) + daftar(sops)));
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            PDOutlineItem daftar = new PDOutlineItem();
            daftar.setTitle("Daftar SOP");
            daftar.setDestination(fit(doc.getPage(Math.min(1, doc.getNumberOfPages() - 1))));
            outline.addLast(daftar);
            for (SopDefinition sop : sops) {
                int first = doc.getNumberOfPages();
                append(doc, html(paper, IdentityPage.html(sop, office)));
                procedure(doc, fonts, sop, paper);
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(sop.code() + " " + (sop.title() == null ? "" : sop.title()));
                item.setDestination(fit(doc.getPage(first)));
                outline.addLast(item);
            }
            outline.openNode();
            numberPages(doc, fonts, office.name() + " · Lampiran");
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print the annex", e);
        }
    }

    // ---------------------------------------------------------------- procedure pages from the flowchart layout

    private static void procedure(PDDocument doc, Fonts fonts, SopDefinition sop, Paper paper) throws IOException {
        LayoutOptions options = (paper == Paper.F4 ? LayoutOptions.f4() : LayoutOptions.a4()).withMeasure(fonts);
        Flowchart chart = FlowchartLayout.of(sop, options);
        for (Page page : chart.pages()) {
            PDPage pdf = new PDPage(new PDRectangle((float) page.width(), (float) page.height()));
            doc.addPage(pdf);
            try (PDPageContentStream out = new PDPageContentStream(doc, pdf)) {
                Draw d = new Draw(out, (float) page.height(), fonts);
                d.text(fonts.bold, 9, (float) page.table().x(), (float) (page.table().y() - 6),
                        sop.code() + " · " + (sop.title() == null ? "" : sop.title()), false);
                for (Cell cell : page.cells()) {
                    d.cell(cell);
                }
                for (Join join : page.joins()) {
                    d.stroke(SYMBOL, 1.2f, false, List.of(join.from(), join.to()));
                }
                for (Edge edge : page.edges()) {
                    d.edge(edge, (float) (options.fontSize() * 0.85));
                }
                for (Shape shape : page.shapes()) {
                    d.shape(shape, (float) options.fontSize());
                }
            }
        }
    }

    /** Drawing in the layout's coordinates (y down, points) onto a PDF page (y up). */
    private record Draw(PDPageContentStream out, float height, Fonts fonts) {

        float y(double layoutY) {
            return height - (float) layoutY;
        }

        void cell(Cell cell) throws IOException {
            Box b = cell.box();
            if (cell.kind() == Cell.Kind.HEADER) {
                out.setNonStrokingColor(HEADER);
                out.addRect((float) b.x(), y(b.bottom()), (float) b.width(), (float) b.height());
                out.fill();
            }
            out.setStrokingColor(LINE);
            out.setLineWidth(0.6f);
            out.addRect((float) b.x(), y(b.bottom()), (float) b.width(), (float) b.height());
            out.stroke();
            PDType0Font font = cell.bold() ? fonts.bold : fonts.regular;
            for (int i = 0; i < cell.lines().size(); i++) {
                text(font, (float) cell.fontSize(), (float) cell.textX(), (float) cell.baseline(i), cell.lines().get(i),
                        cell.centered());
            }
        }

        void text(PDType0Font font, float size, float x, float layoutBaseline, String text, boolean centered)
                throws IOException {
            String printable = fonts.printable(font, text);
            float left = centered ? x - (float) (fonts.widthOf(font, printable, size) / 2) : x;
            out.setNonStrokingColor(Color.BLACK);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(left, y(layoutBaseline));
            out.showText(printable);
            out.endText();
        }

        void edge(Edge edge, float labelSize) throws IOException {
            boolean no = edge.kind() == Transition.Kind.NO;
            Color color = no ? NO : Color.BLACK;
            stroke(color, 0.8f, no, edge.points());
            fill(color, edge.head());
            if (edge.label() != null) {
                text(fonts.regular, labelSize, (float) edge.labelAt().x(), (float) edge.labelAt().y(), edge.label(), false);
            }
        }

        void shape(Shape shape, float fontSize) throws IOException {
            Box b = shape.box();
            switch (shape.kind()) {
                case TERMINATOR -> {
                    float r = (float) b.height() / 2;
                    float left = (float) b.x();
                    float right = (float) b.right();
                    float top = y(b.y());
                    float bottom = y(b.bottom());
                    float k = 0.5523f * r;
                    out.moveTo(left + r, bottom);
                    out.lineTo(right - r, bottom);
                    out.curveTo(right - r + k, bottom, right, bottom + r - k, right, bottom + r);
                    out.curveTo(right, bottom + r + k, right - r + k, top, right - r, top);
                    out.lineTo(left + r, top);
                    out.curveTo(left + r - k, top, left, bottom + r + k, left, bottom + r);
                    out.curveTo(left, bottom + r - k, left + r - k, bottom, left + r, bottom);
                    out.closePath();
                    paint(Color.WHITE, SYMBOL);
                }
                case PROCESS -> {
                    out.addRect((float) b.x(), y(b.bottom()), (float) b.width(), (float) b.height());
                    paint(Color.WHITE, SYMBOL);
                }
                case DECISION -> {
                    polygon(shape.outline());
                    paint(DECISION_FILL, DECISION);
                }
                case CONNECTOR -> {
                    polygon(shape.outline());
                    paint(Color.WHITE, SYMBOL);
                    text(fonts.bold, fontSize, (float) b.centerX(), (float) (b.y() + b.height() * 0.3 + fontSize * 0.35),
                            shape.letter(), true);
                }
                default -> throw new IllegalStateException(shape.kind().name());
            }
        }

        void polygon(List<Point> points) throws IOException {
            out.moveTo((float) points.get(0).x(), y(points.get(0).y()));
            for (int i = 1; i < points.size(); i++) {
                out.lineTo((float) points.get(i).x(), y(points.get(i).y()));
            }
            out.closePath();
        }

        void paint(Color fill, Color stroke) throws IOException {
            out.setNonStrokingColor(fill);
            out.setStrokingColor(stroke);
            out.setLineWidth(1f);
            out.fillAndStroke();
        }

        void stroke(Color color, float width, boolean dashed, List<Point> points) throws IOException {
            out.setStrokingColor(color);
            out.setLineWidth(width);
            out.setLineDashPattern(dashed ? new float[] {3, 2} : new float[] {}, 0);
            out.moveTo((float) points.get(0).x(), y(points.get(0).y()));
            for (int i = 1; i < points.size(); i++) {
                out.lineTo((float) points.get(i).x(), y(points.get(i).y()));
            }
            out.stroke();
            out.setLineDashPattern(new float[] {}, 0);
        }

        void fill(Color color, List<Point> points) throws IOException {
            polygon(points);
            out.setNonStrokingColor(color);
            out.fill();
        }
    }

    // ---------------------------------------------------------------- HTML pages (identity, cover, daftar)

    private static String html(Paper paper, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><style>"
                + "@page { size: " + paper.css() + "; margin: 12mm; }"
                + "body { font-family: '" + PdfRenderer.FONT + "'; font-size: 9pt; color: #1a1a1a; }"
                + ".page { page-break-after: always; } .page:last-child { page-break-after: auto; }"
                + "table { border-collapse: collapse; width: 100%; } th, td { border: 0.6pt solid #444; padding: 4pt;"
                + " vertical-align: top; text-align: left; } th { background: #e8eef1; width: 22%; }"
                + ".identity .office { width: 45%; text-align: center; vertical-align: middle; }"
                + ".pemda { font-weight: bold; font-size: 12pt; } .skpd { font-weight: bold; font-size: 14pt; margin-top: 6pt; }"
                + ".signature .space { height: 28pt; } .signature .name { font-weight: bold; text-decoration: underline; }"
                + ".title { font-weight: bold; font-size: 11pt; } table.fields { margin-top: 10pt; }"
                + "table.fields th { width: 50%; } ol { margin: 0; padding-left: 14pt; }"
                + ".cover { text-align: center; padding-top: 40mm; } .cover h1 { font-size: 20pt; } .cover p { font-size: 12pt; }"
                + "h2 { font-size: 12pt; margin: 10pt 0 4pt; } .daftar th { width: auto; }"
                + ".daftar .no { width: 6%; text-align: center; } .daftar .code { width: 12%; }"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String cover(Office office, String regulation) {
        return "<div class=\"page cover\"><p>LAMPIRAN</p><h1>STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN"
                + " (SOP AP)</h1><h1>" + IdentityPage.esc(upper(office.name())) + "</h1><p>"
                + IdentityPage.esc(regulation == null ? "" : regulation) + "</p></div>";
    }

    private static String daftar(List<SopDefinition> sops) {
        Map<ServiceType, List<SopDefinition>> groups = new EnumMap<>(ServiceType.class);
        for (SopDefinition sop : sops) {
            groups.computeIfAbsent(sop.serviceType() == null ? ServiceType.KESEKRETARIATAN : sop.serviceType(),
                    t -> new ArrayList<>()).add(sop);
        }
        StringBuilder h = new StringBuilder("<div class=\"page daftar\"><h1>DAFTAR SOP</h1>");
        int n = 0;
        for (Map.Entry<ServiceType, List<SopDefinition>> g : groups.entrySet()) {
            h.append("<h2>").append(IdentityPage.esc(g.getKey().label())).append("</h2><table><tr><th class=\"no\">No.</th>"
                    + "<th class=\"code\">Kode</th><th>Nama SOP</th></tr>");
            for (SopDefinition sop : g.getValue()) {
                h.append("<tr><td class=\"no\">").append(++n).append("</td><td class=\"code\">").append(sop.code())
                        .append("</td><td>").append(IdentityPage.esc(sop.title())).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</div>").toString();
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(java.util.Locale.forLanguageTag("id"));
    }

    // ---------------------------------------------------------------- assembling

    private static void append(PDDocument doc, String xhtml) throws IOException {
        try (PDDocument part = Loader.loadPDF(PdfRenderer.render(xhtml))) {
            new PDFMergerUtility().appendDocument(doc, part);
        }
    }

    private static void numberPages(PDDocument doc, Fonts fonts, String footer) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = fonts.printable(fonts.regular, footer + " · Halaman " + (i + 1) + " dari " + total);
                float width = (float) fonts.widthOf(fonts.regular, text, 7);
                out.setNonStrokingColor(Color.DARK_GRAY);
                out.beginText();
                out.setFont(fonts.regular, 7);
                out.newLineAtOffset(page.getMediaBox().getWidth() - 20 - width, 14);
                out.showText(text);
                out.endText();
            }
        }
    }

    private static PDPageFitDestination fit(PDPage page) {
        PDPageFitDestination destination = new PDPageFitDestination();
        destination.setPage(page);
        return destination;
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /** DejaVu Sans embedded in the document, and its metrics for the layout. */
    private static final class Fonts implements TextMeasure {
        final PDType0Font regular;
        final PDType0Font bold;

        private Fonts(PDType0Font regular, PDType0Font bold) {
            this.regular = regular;
            this.bold = bold;
        }

        static Fonts load(PDDocument doc) throws IOException {
            return new Fonts(load(doc, "DejaVuSans.ttf"), load(doc, "DejaVuSans-Bold.ttf"));
        }

        private static PDType0Font load(PDDocument doc, String name) throws IOException {
            try (InputStream in = SopPdf.class.getResourceAsStream("/fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font " + name + " is missing from the jar");
                }
                return PDType0Font.load(doc, in);
            }
        }

        @Override
        public double width(String text, double fontSize, boolean isBold) {
            return widthOf(isBold ? bold : regular, printable(isBold ? bold : regular, text), fontSize);
        }

        double widthOf(PDType0Font font, String text, double size) {
            try {
                return font.getStringWidth(text) / 1000.0 * size;
            } catch (IOException | IllegalArgumentException e) {
                return text.length() * size * 0.6;
            }
        }

        /** The text with characters the font cannot show replaced by "?" (so a stray symbol never breaks a page). */
        String printable(PDType0Font font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                boolean ok;
                try {
                    ok = c >= 0x20 && font.hasGlyph(c);
                } catch (IOException e) {
                    ok = false;
                }
                if (ok) {
                    out.appendCodePoint(c);
                } else if (c >= 0x20) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
