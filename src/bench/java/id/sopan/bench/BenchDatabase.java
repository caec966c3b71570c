package id.sopan.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A fresh database for one engine and one run: an in-memory H2 database, or a new PostgreSQL database created
 * for the run and dropped after it. Nothing is shared between engines or runs.
 */
final class BenchDatabase implements AutoCloseable {

    static final String PG_HOST = System.getProperty("sopan.bench.pg.host", "127.0.0.1:5432");
    static final String PG_USER = System.getProperty("sopan.bench.pg.user", "postgres");
    /** More H2 settings for both engines; by default the plan cache of the app's own H2 URL (application.properties). */
    static final String H2_OPTIONS = System.getProperty("sopan.bench.h2.options", ";QUERY_CACHE_SIZE=64;CACHE_SIZE=131072");
    static final String PG_ADMIN_DB = System.getProperty("sopan.bench.pg.database", "test");
    /** More pgjdbc settings for both engines, as a URL's query ({@code prepareThreshold=1}, say); none by default. */
    static final String PG_OPTIONS = System.getProperty("sopan.bench.pg.options", "");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String kind;
    private final String name;
    private final String url;

    private BenchDatabase(String kind, String name, String url) {
        this.kind = kind;
        this.name = name;
        this.url = url;
    }

    /** @param kind {@code h2} or {@code postgres} */
    static BenchDatabase fresh(String kind, String engine) throws SQLException {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        // Letters, digits and underscore only: safe to splice into DDL.
        String name = "bench_" + engine + "_" + HexFormat.of().formatHex(bytes);
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "h2" -> new BenchDatabase("h2", name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS);
            case "postgres" -> {
                admin("CREATE DATABASE " + name);
                BenchDatabase db = new BenchDatabase("postgres", name, "jdbc:postgresql://" + PG_HOST + "/" + name
                        + (PG_OPTIONS.isEmpty() ? "" : "?" + PG_OPTIONS));
                // A run stopped from outside still drops its database.
                Runtime.getRuntime().addShutdownHook(new Thread(db::dropQuietly));
                yield db;
            }
            default -> throw new IllegalArgumentException("database " + kind + ": h2 or postgres");
        };
    }

    String kind() {
        return kind;
    }

    String url() {
        return url;
    }

    String user() {
        return kind.equals("h2") ? "sa" : PG_USER;
    }

    String password() {
        return "";
    }

    /**
     * What autovacuum would have done by now: clean out dead row versions and gather the planner's statistics. The
     * benchmark's PostgreSQL runs with autovacuum off, and a fresh database has no statistics; both engines get
     * this after their warm-up.
     */
    void vacuumAnalyze() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.execute(kind.equals("postgres") ? "VACUUM ANALYZE" : "ANALYZE");
        }
    }

    @Override
    public void close() throws SQLException {
        if (Boolean.getBoolean("sopan.bench.keep")) {
            System.err.println("kept database " + url); // to look at plans and tables after a run
            return;
        }
        if (kind.equals("postgres")) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else {
            try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private void dropQuietly() {
        if (!Boolean.getBoolean("sopan.bench.keep")) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // already gone, or PostgreSQL is: nothing left to clean
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/" + PG_ADMIN_DB, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
