package id.sopan.casework;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Statements of one transaction sent together. On PostgreSQL they go as one prepared statement, separated by
 * semicolons, which pgjdbc sends before a single Sync: one round trip for all of them, where an action would otherwise
 * wait for the database once per statement. Each statement still takes its own snapshot (READ COMMITTED), so a read
 * placed after a lock sees what the lock's previous holder committed. On H2, embedded, a round trip costs nothing:
 * each statement runs when it is added. Either way the results are to be read after {@link #send()}.
 * <p>
 * The last batch of a transaction may carry its COMMIT ({@link #sendAndCommit()}): one round trip less per action.
 * Its row counts then arrive after the commit, too late to undo anything, so an update whose count matters is a
 * {@link #checkedUpdate}: on PostgreSQL it fails on the server (V19's {@code sopan_expect_changed}), which skips
 * the COMMIT after it and aborts the transaction.
 */
final class StatementBatch {

    /** Named SQL as positional SQL: parsed once per text (the texts are the repositories' constants). */
    private static final Map<String, ParsedSql> PARSED = new ConcurrentHashMap<>();

    private record Part(String sql, Object[] args, IntConsumer count, RowCallbackHandler rows, String conflict) {
        Part(String sql, Object[] args, IntConsumer count, RowCallbackHandler rows) {
            this(sql, args, count, rows, null);
        }
    }

    /** The SQLSTATE that {@code sopan_expect_changed} raises when a checked update changed no row. */
    static final String NOTHING_CHANGED = "SP409";

    private static final Part COMMIT = new Part("COMMIT", new Object[0], count -> {
    }, null);

    private final JdbcTemplate jdbc;
    private final boolean together;
    private final List<Part> parts = new ArrayList<>();

    /** @param together whether to send the statements in one round trip (PostgreSQL) or run each when added */
    StatementBatch(JdbcTemplate jdbc, boolean together) {
        this.jdbc = jdbc;
        this.together = together;
    }

    /** Whether the statements wait for {@link #send()} (PostgreSQL), or each ran when it was added (H2). */
    boolean sendsTogether() {
        return together;
    }

    /** A statement that changes rows; {@code count} gets how many it changed. */
    StatementBatch update(String sql, Map<String, ?> params, IntConsumer count) {
        return add(sql, params, count, null);
    }

    /**
     * An update (or insert) that must change a row, else the transaction fails with a {@link CaseConflictException}
     * of the given message: a version check.
     */
    StatementBatch checkedUpdate(String sql, Map<String, ?> params, String conflict) {
        if (!together) {
            return update(sql, params, changed -> {
                if (changed == 0) {
                    throw new CaseConflictException(conflict);
                }
            });
        }
        Part part = positional(sql, params, null, null);
        Object[] args = java.util.Arrays.copyOf(part.args(), part.args().length + 1);
        args[args.length - 1] = conflict;
        parts.add(new Part("WITH changed AS (" + part.sql().strip() + " RETURNING 1)\n"
                + "SELECT sopan_expect_changed(count(*), ?) FROM changed", args, null, rs -> {
        }, conflict));
        return this;
    }

    /** A statement that reads rows; {@code rows} gets each of them. */
    StatementBatch query(String sql, Map<String, ?> params, RowCallbackHandler rows) {
        return add(sql, params, null, rows);
    }

    /** An insert of one row whose generated {@code id} is wanted. */
    StatementBatch insertReturningId(String sql, Map<String, ?> params, LongConsumer id) {
        if (together) {
            return add(sql.strip() + " RETURNING id", params, null, rs -> id.accept(rs.getLong(1)));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Part part = positional(sql, params, null, null);
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(part.sql(), new String[] {"id"});
            new ArgumentPreparedStatementSetter(part.args()).setValues(ps);
            return ps;
        }, key);
        id.accept(key.getKey().longValue());
        return this;
    }

    private StatementBatch add(String sql, Map<String, ?> params, IntConsumer count, RowCallbackHandler rows) {
        Part part = positional(sql, params, count, rows);
        if (together) {
            parts.add(part);
        } else if (rows != null) {
            jdbc.query(part.sql(), rows, part.args());
        } else {
            count.accept(jdbc.update(part.sql(), part.args()));
        }
        return this;
    }

    private static Part positional(String sql, Map<String, ?> params, IntConsumer count, RowCallbackHandler rows) {
        ParsedSql parsed = PARSED.computeIfAbsent(sql, NamedParameterUtils::parseSqlStatement);
        MapSqlParameterSource source = new MapSqlParameterSource(params);
        return new Part(NamedParameterUtils.substituteNamedParameters(parsed, source),
                NamedParameterUtils.buildValueArray(parsed, source, null), count, rows);
    }

    /**
     * Binds one value as Spring's argument setter would for the values the repositories pass (strings, numbers,
     * times, booleans, typed NULLs), without its per-value type inspection: a batch binds a few dozen per action.
     */
    private static void bind(PreparedStatement ps, int index, Object value) throws java.sql.SQLException {
        if (value instanceof org.springframework.jdbc.core.SqlParameterValue typed) {
            if (typed.getValue() == null) {
                ps.setNull(index, typed.getSqlType());
            } else {
                ps.setObject(index, typed.getValue(), typed.getSqlType());
            }
        } else if (value instanceof String text) {
            ps.setString(index, text);
        } else if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }

    /** The message of the checked update that failed: the server's error text quotes it. */
    private static String conflictOf(List<Part> sent, java.sql.SQLException e) {
        String error = String.valueOf(e.getMessage());
        return sent.stream().map(Part::conflict).filter(c -> c != null && error.contains(c)).findFirst()
                .orElse("the case was changed by someone else; reload and try again");
    }

    /** Whether the database is PostgreSQL (whose statements a batch sends together). */
    static boolean isPostgres(javax.sql.DataSource dataSource) {
        try {
            return "PostgreSQL".equals(org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    /** Sends what was added (on H2 it ran already) and hands each statement's result to its consumer. */
    void send() {
        if (parts.isEmpty()) {
            return;
        }
        sendParts();
    }

    /**
     * As {@link #send()}, ending the transaction with a COMMIT in the same round trip (PostgreSQL; on H2 the
     * transaction manager commits as usual). Only for the last batch of a transaction that is its caller's own and
     * has nothing to do before its commit: the transaction manager's commit then finds nothing left to commit.
     */
    void sendAndCommit() {
        if (together) {
            parts.add(COMMIT);
        }
        send();
    }

    private void sendParts() {
        List<Part> sent = List.copyOf(parts);
        parts.clear();
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Part part : sent) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(part.sql());
            args.addAll(List.of(part.args()));
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    bind(ps, i + 1, args.get(i));
                }
                try {
                    ps.execute();
                } catch (java.sql.SQLException e) {
                    if (NOTHING_CHANGED.equals(e.getSQLState())) {
                        throw new CaseConflictException(conflictOf(sent, e));
                    }
                    throw e;
                }
                for (Part part : sent) {
                    if (part.rows() != null) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                part.rows().processRow(rs);
                            }
                        }
                    } else {
                        part.count().accept(ps.getUpdateCount());
                    }
                    ps.getMoreResults(Statement.CLOSE_CURRENT_RESULT);
                }
            }
            return null;
        });
    }
}
