package id.sopan.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Zip files written byte by byte, so that they can lie: an entry that inflates to gigabytes from a megabyte or two
 * (one deflated block of a mebibyte of blanks, repeated: after a full flush the deflater's output for the same input is
 * the same bytes), sizes in the headers that are not the real ones, names no archiver would write.
 */
public final class HostileZips {

    /** One entry: its name, deflated bytes (raw deflate), CRC-32 and sizes as the headers will state them. */
    public record Entry(String name, byte[] deflated, long crc, long compressedSize, long size) {
    }

    private HostileZips() {
    }

    public static Entry deflated(String name, byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] bytes = out.toByteArray();
        return new Entry(name, bytes, crc.getValue(), bytes.length, content.length);
    }

    /**
     * An entry whose content is {@code head} followed by {@code mebibytes} MiB of blanks, deflated into about a
     * thousandth of that.
     */
    public static Entry bomb(String name, String head, int mebibytes) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] blanks = new byte[1 << 20];
        Arrays.fill(blanks, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(flush(deflater, headBytes));
        byte[] block = flush(deflater, blanks);
        byte[] again = flush(deflater, blanks);
        if (!Arrays.equals(block, again)) {
            throw new IllegalStateException("the deflater's blocks differ after a full flush");
        }
        out.writeBytes(block);
        out.writeBytes(again);
        for (int i = 2; i < mebibytes; i++) {
            out.writeBytes(block);
        }
        deflater.finish();
        byte[] buffer = new byte[64];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(headBytes);
        for (int i = 0; i < mebibytes; i++) {
            crc.update(blanks);
        }
        byte[] bytes = out.toByteArray();
        return new Entry(name, bytes, crc.getValue(), bytes.length, (long) headBytes.length + ((long) mebibytes << 20));
    }

    private static byte[] flush(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** The same entry with other sizes in its headers (the real data unchanged). */
    public static Entry lyingAbout(Entry entry, long statedSize) {
        return new Entry(entry.name(), entry.deflated(), entry.crc(), entry.compressedSize(), statedSize);
    }

    public static Entry renamed(Entry entry, String name) {
        return new Entry(name, entry.deflated(), entry.crc(), entry.compressedSize(), entry.size());
    }

    /** The entries of a real zip (a workbook POI wrote, say), deflated again as they are. */
    public static Map<String, Entry> entriesOf(byte[] zip) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), deflated(e.getName(), in.readAllBytes()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }

    /** A zip file of these entries: local headers, data, central directory, end record (sizes above 4 GiB not supported). */
    public static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add((long) out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x04034b50);
            int16(out, 20);
            int16(out, 0x0800); // names in UTF-8
            int16(out, 8);
            int16(out, 0);
            int16(out, 0x5A21);
            int32(out, (int) e.crc());
            int32(out, (int) e.compressedSize());
            int32(out, (int) e.size());
            int16(out, name.length);
            int16(out, 0);
            out.writeBytes(name);
            out.writeBytes(e.deflated());
        }
        long directory = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x02014b50);
            int16(out, 20);
            int16(out, 20);
            int16(out, 0x0800);
            int16(out, 8);
            int16(out, 0);
            int16(out, 0x5A21);
            int32(out, (int) e.crc());
            int32(out, (int) e.compressedSize());
            int32(out, (int) e.size());
            int16(out, name.length);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, (int) (long) offsets.get(i));
            out.writeBytes(name);
        }
        long end = out.size();
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, Math.min(entries.size(), 0xFFFF));
        int16(out, Math.min(entries.size(), 0xFFFF));
        int32(out, (int) (end - directory));
        int32(out, (int) directory);
        int16(out, 0);
        return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xFFFF);
        int16(out, (v >>> 16) & 0xFFFF);
    }

    /** The parts of a minimal Word document, for DOCX-shaped bombs. */
    public static List<Entry> docxParts(String documentXml) {
        List<Entry> parts = new ArrayList<>();
        parts.add(deflated("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8)));
        parts.add(deflated("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8)));
        if (documentXml != null) {
            parts.add(deflated("word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8)));
        }
        return parts;
    }

    public static final String DOCUMENT_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
            + "<w:t>Surat permohonan</w:t></w:r></w:p></w:body></w:document>";
}
