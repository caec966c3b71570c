package id.sopan.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * The database-independent type of a column in the archive, and how its values are read into the canonical text and
 * bound back. Integers and booleans are JSON numbers and literals; everything else a JSON string in one fixed form
 * (ISO dates and instants, plain decimals, Base64 bytes), so that H2 and PostgreSQL give the same text.
 */
enum ColumnType {

    INTEGER("integer") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            long v = rs.getLong(i);
            if (rs.wasNull()) {
                out.append("null");
            } else {
                out.append(v);
            }
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setInt(i, Math.toIntExact(number(value)));
        }
    },
    BIGINT("bigint") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            INTEGER.append(rs, i, out);
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setLong(i, number(value));
        }
    },
    BOOLEAN("boolean") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            boolean v = rs.getBoolean(i);
            out.append(rs.wasNull() ? "null" : v ? "true" : "false");
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            if (!(value instanceof Boolean b)) {
                throw new IllegalArgumentException("expected true or false, found " + value);
            }
            ps.setBoolean(i, b);
        }
    },
    TEXT("text") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            CanonicalRows.appendString(out, rs.getString(i));
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setString(i, text(value));
        }
    },
    DECIMAL("decimal") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            BigDecimal v = rs.getBigDecimal(i);
            CanonicalRows.appendString(out, v == null ? null : v.toPlainString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setBigDecimal(i, new BigDecimal(text(value)));
        }
    },
    DATE("date") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            LocalDate v = rs.getObject(i, LocalDate.class);
            CanonicalRows.appendString(out, v == null ? null : v.toString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setObject(i, LocalDate.parse(text(value)));
        }
    },
    TIME("time") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            LocalTime v = rs.getObject(i, LocalTime.class);
            CanonicalRows.appendString(out, v == null ? null : v.toString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setObject(i, LocalTime.parse(text(value)));
        }
    },
    /** A timestamp without time zone: the local date-time as written. */
    TIMESTAMP("timestamp") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            CanonicalRows.appendString(out, v == null ? null : v.toString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setObject(i, LocalDateTime.parse(text(value)));
        }
    },
    /** A timestamp with time zone: the instant in UTC ({@code 2026-01-05T01:30:00Z}); the offset is not kept. */
    INSTANT("instant") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            CanonicalRows.appendString(out, v == null ? null : v.toInstant().toString());
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(text(value)), ZoneOffset.UTC));
        }
    },
    DOUBLE("double") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            double v = rs.getDouble(i);
            CanonicalRows.appendString(out, rs.wasNull() ? null : Double.toString(v));
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setDouble(i, Double.parseDouble(text(value)));
        }
    },
    BINARY("binary") {
        @Override
        void append(ResultSet rs, int i, StringBuilder out) throws SQLException {
            byte[] v = rs.getBytes(i);
            CanonicalRows.appendString(out, v == null ? null : Base64.getEncoder().encodeToString(v));
        }

        @Override
        void bind(PreparedStatement ps, int i, Object value) throws SQLException {
            ps.setBytes(i, Base64.getDecoder().decode(text(value)));
        }
    };

    private final String wireName;

    ColumnType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the manifest. */
    String wireName() {
        return wireName;
    }

    static ColumnType ofWireName(String name) {
        for (ColumnType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type " + name);
    }

    /** Appends the canonical value of column {@code i} (a JSON token, {@code null} for SQL NULL). */
    abstract void append(ResultSet rs, int i, StringBuilder out) throws SQLException;

    /** Binds a non-null value as {@link CanonicalRows#parse} gave it. */
    abstract void bind(PreparedStatement ps, int i, Object value) throws SQLException;

    /**
     * The type of a column as the JDBC metadata describes it, or null when the archive has no form for it (the backup
     * then refuses, naming the column, rather than leave it out).
     */
    static ColumnType of(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> TEXT;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.DATE -> DATE;
            case Types.TIME -> name.contains("tz") || name.contains("time zone") ? null : TIME;
            // PostgreSQL reports timestamptz as TIMESTAMP: its type name tells them apart.
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("time zone") ? INSTANT : TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> null;
        };
    }

    /** Whether the database may order this column differently from another (strings: collations). */
    boolean isText() {
        return this == TEXT;
    }

    private static long number(Object value) {
        if (!(value instanceof Long n)) {
            throw new IllegalArgumentException("expected an integer, found " + value);
        }
        return n;
    }

    private static String text(Object value) {
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("expected a string, found " + value);
        }
        return s;
    }
}
