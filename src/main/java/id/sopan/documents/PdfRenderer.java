package id.sopan.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF with openhtmltopdf, with DejaVu Sans embedded (bundled in the jar) so that the documents look
 * the same on every machine and carry every character of Bahasa Indonesia.
 */
final class PdfRenderer {

    static final String FONT = "DejaVu Sans";

    private PdfRenderer() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a PDF", e);
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("font " + name + " is missing from the jar");
        }
        return in;
    }
}
