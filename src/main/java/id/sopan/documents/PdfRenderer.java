package id.sopan.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;

/**
 * XHTML to PDF with openhtmltopdf, with DejaVu Sans embedded (bundled in the jar) so that the documents look
 * the same on every machine and carry every character of Bahasa Indonesia. Inline {@code <svg>} elements (the
 * report charts) are drawn as vectors by Batik, with the same font.
 */
final class PdfRenderer {

    static final String FONT = "DejaVu Sans";

    private PdfRenderer() {
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            // Batik reads fonts from files only: the SVG text gets the same faces through temporary copies.
            builder.useFont(SvgFonts.REGULAR, FONT, 400, FontStyle.NORMAL, true, EnumSet.of(FSFontUseCase.SVG));
            builder.useFont(SvgFonts.BOLD, FONT, 700, FontStyle.NORMAL, true, EnumSet.of(FSFontUseCase.SVG));
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
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

    /** The bundled fonts copied once per process to temporary files (removed at exit) for Batik. */
    private static final class SvgFonts {
        static final File REGULAR = copy("DejaVuSans.ttf");
        static final File BOLD = copy("DejaVuSans-Bold.ttf");

        private static File copy(String name) {
            try (InputStream in = font(name)) {
                Path file = Files.createTempFile("sopan-", "-" + name);
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
                return file.toFile();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the font " + name + " for charts", e);
            }
        }
    }
}
