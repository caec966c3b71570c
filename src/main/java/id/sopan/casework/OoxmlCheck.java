package id.sopan.casework;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Whether the bytes of an uploaded DOCX or XLSX are an Office Open XML package that is safe to keep and hand out:
 * a zip whose central directory lists at most {@link #MAX_ENTRIES} entries, with plain relative entry names (no
 * {@code ..}, no absolute path, no backslash, no control character, no name twice), a {@code [Content_Types].xml}
 * and the main part of its kind ({@code word/} or {@code xl/}), and which inflates to no more than
 * {@link #MAX_INFLATED} bytes in all nor more than {@link #MAX_RATIO} times its own size (past a first mebibyte).
 * Every entry is actually inflated through a fixed buffer and counted, so sizes the headers claim are never trusted
 * and a bomb is stopped after at most the limit, with a few kilobytes of memory.
 */
final class OoxmlCheck {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_INFLATED = 100L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** Inflating this much is always allowed, whatever the ratio: small documents compress well. */
    static final long GRACE = 1024 * 1024;

    /** Why the package is refused: the message key's last part, or null when it is fine. */
    enum Refusal { NOT_ZIP, TOO_MANY_ENTRIES, BAD_ENTRY_NAME, BOMB, NOT_OOXML }

    private OoxmlCheck() {
    }

    static Refusal check(byte[] content, String extension) {
        int listed = centralDirectoryEntries(content);
        if (listed < 0) {
            return Refusal.NOT_ZIP;
        }
        if (listed > MAX_ENTRIES) {
            return Refusal.TOO_MANY_ENTRIES;
        }
        long limit = Math.max(GRACE, Math.min(MAX_INFLATED, (long) content.length * MAX_RATIO));
        long inflated = 0;
        int entries = 0;
        Set<String> names = new HashSet<>();
        boolean contentTypes = false;
        boolean mainPart = false;
        String main = extension.equals("docx") ? "word/" : "xl/";
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    return Refusal.TOO_MANY_ENTRIES;
                }
                String name = entry.getName();
                if (!plainName(name) || !names.add(name.toLowerCase(java.util.Locale.ROOT))) {
                    return Refusal.BAD_ENTRY_NAME;
                }
                contentTypes |= name.equals("[Content_Types].xml");
                mainPart |= name.startsWith(main) && name.endsWith(".xml");
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    inflated += n;
                    if (inflated > limit) {
                        return Refusal.BOMB;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken zip, a name that is not UTF-8, a bad CRC: not a document Sopan keeps.
            return Refusal.NOT_ZIP;
        }
        if (entries == 0) {
            return Refusal.NOT_ZIP;
        }
        if (entries != listed) {
            // The entries read one by one are not those the directory lists: a reader would see another file.
            return Refusal.BAD_ENTRY_NAME;
        }
        return contentTypes && mainPart ? null : Refusal.NOT_OOXML;
    }

    private static boolean plainName(String name) {
        if (name.isEmpty() || name.length() > 500 || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The number of entries the end-of-central-directory record states, or -1 when there is no such record. */
    static int centralDirectoryEntries(byte[] z) {
        // The record is 22 bytes plus a comment of at most 65 535: look for its signature from the end.
        for (int i = z.length - 22; i >= 0 && i >= z.length - 22 - 65_535; i--) {
            if (z[i] == 0x50 && z[i + 1] == 0x4b && z[i + 2] == 0x05 && z[i + 3] == 0x06) {
                int total = (z[i + 10] & 0xFF) | (z[i + 11] & 0xFF) << 8;
                return total == 0xFFFF ? Integer.MAX_VALUE : total; // 0xFFFF: zip64, far more than a document needs
            }
        }
        return -1;
    }
}
