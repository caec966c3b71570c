package id.sopan.support;

import id.sopan.importer.Grid;
import id.sopan.importer.GridReaders;
import id.sopan.importer.TableImporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of the seed annex's 48 SOP tables: lines and cells deleted, repeated and swapped, the bytes cut
 * off or sprinkled with junk, huge cells, control characters and NUL, invalid UTF-8, times out of range, step numbers
 * out of order, decisions pointing nowhere. Deterministic: the same seed gives the same input, and every input says
 * which mutations made it, so a failure can be replayed.
 */
public final class HostileTables {

    /** One hostile input: the bytes and how they were made. */
    public record Mutant(String table, long seed, List<String> mutations, List<List<String>> rows, byte[] bytes) {
        public String describe() {
            return "table " + table + ", seed " + seed + ": " + String.join("; ", mutations);
        }
    }

    private static final String[] TIMES = {"99999999999 menit", "2147483647 jam", "99999999 jam", "-5 menit",
            "0 menit", "1.000.000.000 hari", "-1 hari", "9999999999999999999999 bulan", "3:30 menit", "٣٠ menit",
            "３０ menit", "999999 minggu", "1e9 menit", "NaN jam", "30 menit 30 menit", "- menit"};
    private static final String[] NUMBERS = {"0", "999", "-1", "1000", "007", "2147483648", "1.", "٣", "1 1", " "};
    private static final String[] DECISIONS = {
            "Jika belum sesuai dikembalikan ke Kepala Negara untuk diperbaiki",
            "Jika tidak lengkap dikembalikan kepada pemohon untuk diperbaiki",
            "jika belum lengkap diserahkan kembali",
            "Apabila tidak sesuai dikembalikan ke Kepala Dinas untuk diperbaiki kembali"};
    private static final String[] RETURNS = {"99", "0", "-3", "abc", "999", "1", ""};
    private static final String[] ODDITIES = {"\u202Egnp.exe", "\u200B\u200D\uFEFF", "e\u0301\u0301\u0301",
            "\uD83D\uDE00\uD83D\uDC4D", "\uD800", "\uDFFF", "\u0000", "\u0001\u001b[31m", "\u007f", "\t\t\t",
            "<script>alert(1)</script>", "${7*7}", "{0}{1}{2}", "'\"'", "\u00A0\u2028\u2029", "ـــ", "\uFFFF"};

    private final List<String> codes;
    private final List<List<List<String>>> tables;

    private HostileTables(List<String> codes, List<List<List<String>>> tables) {
        this.codes = codes;
        this.tables = tables;
    }

    /** The seed annex's tables, each as lines of cells, named by the catalog's codes. */
    public static HostileTables seed(List<String> codes) {
        try {
            Path seed = Path.of("seed/perbup-kuningan-22-2016-sop-ap-dinkop-ukm.txt");
            GridReaders.GridOrProblem read = GridReaders.readText(seed.getFileName().toString(), Files.readAllBytes(seed));
            List<List<List<String>>> tables = new ArrayList<>();
            for (Grid grid : TableImporter.splitTables(read.grid())) {
                List<List<String>> rows = new ArrayList<>();
                grid.rows().forEach(r -> rows.add(new ArrayList<>(r.cells())));
                tables.add(rows);
            }
            return new HostileTables(codes, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return tables.size();
    }

    public String code(int table) {
        return table < codes.size() ? codes.get(table) : "T" + table;
    }

    public List<List<String>> rows(int table) {
        return copy(tables.get(table));
    }

    /** Table {@code table} with one to three mutations chosen by {@code seed}. */
    public Mutant mutate(int table, long seed) {
        Random random = new Random(seed);
        List<List<String>> rows = copy(tables.get(table));
        List<String> done = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        List<ByteMutation> byteMutations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(17);
            if (kind >= 14) {
                byteMutations.add(new ByteMutation(kind, random.nextLong()));
            } else {
                done.add(mutateRows(rows, kind, random));
            }
        }
        byte[] bytes = text(rows).getBytes(StandardCharsets.UTF_8);
        for (ByteMutation m : byteMutations) {
            Random r = new Random(m.seed());
            String[] what = new String[1];
            bytes = mutateBytes(bytes, m.kind(), r, what);
            done.add(what[0]);
        }
        return new Mutant(code(table), seed, done, rows, bytes);
    }

    private record ByteMutation(int kind, long seed) {
    }

    public static String text(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join("\t", row)).append('\n');
        }
        return out.toString();
    }

    private static String mutateRows(List<List<String>> rows, int kind, Random random) {
        if (rows.isEmpty()) {
            rows.add(new ArrayList<>(List.of("")));
        }
        int line = random.nextInt(rows.size());
        List<String> row = rows.get(line);
        if (row.isEmpty()) {
            row.add("");
        }
        int cell = random.nextInt(row.size());
        String where = " line " + (line + 1) + " cell " + (cell + 1);
        switch (kind) {
            case 0 -> {
                rows.remove(line);
                return "delete line " + (line + 1);
            }
            case 1 -> {
                int times = random.nextInt(4) == 0 ? 300 : 1;
                for (int t = 0; t < times; t++) {
                    rows.add(line, new ArrayList<>(row));
                }
                return "repeat line " + (line + 1) + " " + times + "x";
            }
            case 2 -> {
                int other = random.nextInt(rows.size());
                rows.set(line, rows.get(other));
                rows.set(other, row);
                return "swap lines " + (line + 1) + " and " + (other + 1);
            }
            case 3 -> {
                row.remove(cell);
                return "delete" + where;
            }
            case 4 -> {
                row.add(cell, row.get(cell));
                return "repeat" + where;
            }
            case 5 -> {
                int other = random.nextInt(row.size());
                String t = row.get(cell);
                row.set(cell, row.get(other));
                row.set(other, t);
                return "swap" + where + " and " + (other + 1);
            }
            case 6 -> {
                String[] fills = {"a", "<", "1", "jika belum ", "1 menit ", "\t", "Kepala Dinas ", "<pre>"};
                String fill = fills[random.nextInt(fills.length)];
                int length = 20_000 + random.nextInt(100_000);
                row.set(cell, fill.repeat(length / fill.length()));
                return "huge" + where + " (" + length + " chars of '" + fill.strip() + "')";
            }
            case 7 -> {
                String odd = ODDITIES[random.nextInt(ODDITIES.length)];
                String text = row.get(cell);
                int at = random.nextInt(text.length() + 1);
                row.set(cell, text.substring(0, at) + odd + text.substring(at));
                return "insert " + escape(odd) + where;
            }
            case 8 -> {
                String time = TIMES[random.nextInt(TIMES.length)];
                int waktu = timeCell(row);
                if (waktu < 0) {
                    row.set(cell, time);
                    return "time '" + time + "'" + where;
                }
                row.set(waktu, time);
                return "time '" + time + "' line " + (line + 1) + " cell " + (waktu + 1);
            }
            case 9 -> {
                String number = NUMBERS[random.nextInt(NUMBERS.length)];
                row.set(0, number);
                return "step number '" + number + "' line " + (line + 1);
            }
            case 10 -> {
                if (row.size() < 2) {
                    row.add("");
                }
                String decision = DECISIONS[random.nextInt(DECISIONS.length)];
                row.set(1, row.get(1) + " " + decision);
                return "decision '" + decision + "' line " + (line + 1);
            }
            case 11 -> {
                int header = headerIndex(rows);
                String target = RETURNS[random.nextInt(RETURNS.length)];
                if (header >= 0) {
                    rows.get(header).add("Kembali ke");
                }
                row.add(target);
                for (int pad = row.size(); header >= 0 && pad < rows.get(header).size(); pad++) {
                    row.add(row.size() - 1, "");
                }
                return "return column with '" + target + "' line " + (line + 1);
            }
            case 12 -> {
                int columns = 1000 + random.nextInt(5000);
                for (int c = 0; c < columns; c++) {
                    row.add("x");
                }
                return columns + " more cells line " + (line + 1);
            }
            default -> {
                int first = random.nextInt(rows.size());
                int second = random.nextInt(rows.size());
                List<String> a = rows.get(first);
                List<String> b = rows.get(second);
                if (!a.isEmpty() && !b.isEmpty()) {
                    String t = a.get(0);
                    a.set(0, b.get(0));
                    b.set(0, t);
                }
                return "swap step numbers of lines " + (first + 1) + " and " + (second + 1);
            }
        }
    }

    private static byte[] mutateBytes(byte[] bytes, int kind, Random random, String[] what) {
        switch (kind) {
            case 14 -> {
                int at = random.nextInt(bytes.length + 1);
                what[0] = "truncate at byte " + at + " of " + bytes.length;
                return Arrays.copyOf(bytes, at);
            }
            case 15 -> {
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                int at = random.nextInt(bytes.length + 1);
                what[0] = "insert random bytes " + java.util.HexFormat.of().formatHex(junk) + " at byte " + at;
                return insert(bytes, at, junk);
            }
            default -> {
                byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}};
                byte[] bad = invalid[random.nextInt(invalid.length)];
                int at = random.nextInt(bytes.length + 1);
                what[0] = "invalid UTF-8 " + java.util.HexFormat.of().formatHex(bad) + " at byte " + at;
                return insert(bytes, at, bad);
            }
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte[] more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + more.length);
        out.write(bytes, 0, at);
        out.write(more, 0, more.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static int timeCell(List<String> row) {
        for (int c = 2; c < row.size(); c++) {
            if (id.sopan.sop.StandardTime.looksLikeTime(row.get(c).strip())) {
                return c;
            }
        }
        return -1;
    }

    private static int headerIndex(List<List<String>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stream().anyMatch(TableImporter::isKegiatanHeader)) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<String>> copy(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>();
        rows.forEach(r -> copy.add(new ArrayList<>(r)));
        return copy;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
