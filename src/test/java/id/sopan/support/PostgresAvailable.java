package id.sopan.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Skips a test class when the test PostgreSQL (127.0.0.1:5432, user postgres, trust auth, database
 * {@code test}) cannot be reached, so the build still runs on a machine without it. With {@code CI=true}
 * an unreachable database fails the class instead: CI must never skip the PostgreSQL tests silently.
 */
public final class PostgresAvailable implements BeforeAllCallback {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    // Probed once per JVM: every PostgreSQL class gets the same answer without waiting again.
    private static volatile String unreachableBecause;
    private static volatile boolean probed;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeReachable();
    }

    /** Returns when PostgreSQL answers; otherwise aborts the caller's tests, or fails them on CI. */
    public static void assumeReachable() {
        decide(probe(), "true".equalsIgnoreCase(System.getenv("CI")));
    }

    /** @param problem why PostgreSQL cannot be reached, or null when it can */
    static void decide(String problem, boolean ci) {
        if (problem == null) {
            return;
        }
        if (ci) {
            throw new IllegalStateException("PostgreSQL not reachable at 127.0.0.1:5432 and CI=true: "
                    + "the PostgreSQL tests must run on CI (" + problem + ")");
        }
        Assumptions.assumeTrue(false, "PostgreSQL not reachable at 127.0.0.1:5432 — skipping PostgreSQL tests ("
                + problem + ")");
    }

    /** A new connection to the test database (default schema), failing after 2 s. */
    public static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "2");
        props.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(URL, props);
    }

    private static synchronized String probe() {
        if (!probed) {
            try (Connection c = connect()) {
                unreachableBecause = c.isValid(2) ? null : "connection not valid";
            } catch (SQLException e) {
                unreachableBecause = e.getMessage();
            }
            probed = true;
        }
        return unreachableBecause;
    }
}
