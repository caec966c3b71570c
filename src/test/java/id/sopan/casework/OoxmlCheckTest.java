package id.sopan.casework;

import id.sopan.support.HostileZips;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The zip checks of an uploaded DOCX or XLSX, on real documents and on hostile zips. */
class OoxmlCheckTest {

    @Test
    void realDocumentsPass() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Surat permohonan cuti");
            doc.write(out);
            assertThat(OoxmlCheck.check(out.toByteArray(), "docx")).isNull();
            assertThat(OoxmlCheck.check(out.toByteArray(), "xlsx")).isEqualTo(OoxmlCheck.Refusal.NOT_OOXML);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Data").createRow(0).createCell(0).setCellValue(42);
            book.write(out);
            assertThat(OoxmlCheck.check(out.toByteArray(), "xlsx")).isNull();
        }
    }

    @Test
    void thousandsOfEntriesAreRefusedByTheCentralDirectoryAlone() {
        List<HostileZips.Entry> entries = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        HostileZips.Entry empty = HostileZips.deflated("x", new byte[0]);
        for (int i = 0; i < 5000; i++) {
            entries.add(HostileZips.renamed(empty, "word/media/" + i + ".xml"));
        }
        byte[] zip = HostileZips.zip(entries);
        assertThat(OoxmlCheck.centralDirectoryEntries(zip)).isEqualTo(5003);
        assertThat(OoxmlCheck.check(zip, "docx")).isEqualTo(OoxmlCheck.Refusal.TOO_MANY_ENTRIES);
    }

    @Test
    void entriesTheDirectoryDoesNotListAreCountedToo() {
        List<HostileZips.Entry> entries = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
        byte[] honest = HostileZips.zip(entries);
        HostileZips.Entry empty = HostileZips.deflated("x", new byte[0]);
        for (int i = 0; i < 1500; i++) {
            entries.add(HostileZips.renamed(empty, "word/" + i + ".xml"));
        }
        byte[] many = HostileZips.zip(entries);
        // The local entries of "many" followed by the short central directory of "honest": a zip that lies.
        int honestDirectory = directoryOffset(honest);
        byte[] liar = new byte[directoryOffset(many) + honest.length - honestDirectory];
        System.arraycopy(many, 0, liar, 0, directoryOffset(many));
        System.arraycopy(honest, honestDirectory, liar, directoryOffset(many), honest.length - honestDirectory);
        assertThat(OoxmlCheck.centralDirectoryEntries(liar)).isEqualTo(3);
        assertThat(OoxmlCheck.check(liar, "docx")).isIn(OoxmlCheck.Refusal.TOO_MANY_ENTRIES,
                OoxmlCheck.Refusal.BAD_ENTRY_NAME);
    }

    @Test
    void aGigabyteBombIsStoppedAtTheLimitWithLittleMemory() {
        List<HostileZips.Entry> entries = new ArrayList<>(HostileZips.docxParts(null));
        entries.add(HostileZips.bomb("word/document.xml", HostileZips.DOCUMENT_XML, 1024));
        byte[] zip = HostileZips.zip(entries);
        long before = allocated();
        assertThat(OoxmlCheck.check(zip, "docx")).isEqualTo(OoxmlCheck.Refusal.BOMB);
        assertThat(allocated() - before).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void pathNamesAndBrokenZipsAreRefused() {
        for (String name : List.of("../../x", "word/../../x", "/abs", "C:/x", "a\\b", "word/./x", "a\u0000b")) {
            List<HostileZips.Entry> entries = new ArrayList<>(HostileZips.docxParts(HostileZips.DOCUMENT_XML));
            entries.add(HostileZips.deflated(name, "x".getBytes(StandardCharsets.US_ASCII)));
            assertThat(OoxmlCheck.check(HostileZips.zip(entries), "docx")).as(name)
                    .isEqualTo(OoxmlCheck.Refusal.BAD_ENTRY_NAME);
        }
        assertThat(OoxmlCheck.check(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "docx")).isEqualTo(OoxmlCheck.Refusal.NOT_ZIP);
        assertThat(OoxmlCheck.check(new byte[0], "xlsx")).isEqualTo(OoxmlCheck.Refusal.NOT_ZIP);
    }

    private static int directoryOffset(byte[] zip) {
        int end = zip.length - 22;
        return (zip[end + 16] & 0xFF) | (zip[end + 17] & 0xFF) << 8 | (zip[end + 18] & 0xFF) << 16
                | (zip[end + 19] & 0xFF) << 24;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
