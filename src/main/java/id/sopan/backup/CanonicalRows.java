package id.sopan.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * One row as one line of JSON: an array of the column values in the table's column order ({@code [1,"DKUKM",null]}).
 * The writer has exactly one form for every value, so equal rows give equal bytes on any database, and the table's
 * SHA-256 over those bytes is its content hash. The parser reads only that form (integers, strings, true, false,
 * null) and names what it does not understand.
 */
final class CanonicalRows {

    private CanonicalRows() {
    }

    static void appendString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // A lone surrogate has no UTF-8 form: escaped, it survives the round trip.
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }

    /** Thrown for a line that is not a canonical row. */
    static final class FormatException extends RuntimeException {
        FormatException(String message) {
            super(message);
        }
    }

    /** The values of one line: {@link Long}, {@link Boolean}, {@link String} or null. */
    static Object[] parse(String line) {
        Parser p = new Parser(line);
        return p.row();
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        Object[] row() {
            expect('[');
            List<Object> values = new ArrayList<>();
            if (peek() == ']') {
                at++;
            } else {
                while (true) {
                    values.add(value());
                    char c = next();
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        throw fail("',' or ']'");
                    }
                }
            }
            if (at != s.length()) {
                throw fail("the end of the line");
            }
            return values.toArray();
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = at;
                if (c == '-') {
                    at++;
                }
                while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                    at++;
                }
                try {
                    return Long.parseLong(s, start, at, 10);
                } catch (NumberFormatException e) {
                    throw fail("an integer");
                }
            }
            for (String word : new String[] {"null", "true", "false"}) {
                if (s.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            throw fail("a value");
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > s.length()) {
                            throw fail("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(s, at, at + 4, 16));
                        } catch (NumberFormatException ex) {
                            throw fail("four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw fail("an escape");
                }
            }
        }

        private char peek() {
            if (at >= s.length()) {
                throw fail("more text");
            }
            return s.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw fail("'" + c + "'");
            }
        }

        private FormatException fail(String expected) {
            return new FormatException("expected " + expected + " at character " + (at + 1));
        }
    }
}
