package id.sopan.bench;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts what an engine asks of the database: statements executed (a batch counts once: one round trip) and
 * commits. Wraps the pool, so both engines are counted the same way; the proxies cost well under a microsecond
 * per call, far below one round trip.
 */
final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();

    CountingDataSource(DataSource target) {
        this.target = target;
    }

    long statements() {
        return statements.sum();
    }

    long commits() {
        return commits.sum();
    }

    void reset() {
        statements.reset();
        commits.reset();
    }

    DataSource target() {
        return target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                new Handler(connection, true, null));
    }

    /** With -Dsopan.bench.sql=true every statement executed is printed to stderr: which ones a call makes. */
    private static final boolean PRINT = Boolean.getBoolean("sopan.bench.sql");
    /**
     * With -Dsopan.bench.timing=true the time spent in each statement (by its text) and in commits is summed and
     * printed to stderr when the JVM ends: where the time of a task goes.
     */
    private static final boolean TIMING = Boolean.getBoolean("sopan.bench.timing");
    private static final java.util.concurrent.ConcurrentMap<String, long[]> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        if (TIMING) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TIMES.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .forEach(e -> System.err.printf(java.util.Locale.ROOT, "TIME %9.1f ms %8d x %7.1f us  %s%n",
                            e.getValue()[1] / 1e6, e.getValue()[0], e.getValue()[1] / 1e3 / e.getValue()[0], e.getKey()))));
        }
    }

    private static void time(String what, long nanos) {
        long[] t = TIMES.computeIfAbsent(what.length() > 110 ? what.substring(0, 110) : what, k -> new long[2]);
        synchronized (t) {
            t[0]++;
            t[1] += nanos;
        }
    }

    private final class Handler implements InvocationHandler {
        private final Object target;
        private final boolean connection;
        private final String sql;

        Handler(Object target, boolean connection, String sql) {
            this.target = target;
            this.connection = connection;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && name.equals("commit")) {
                commits.increment();
            } else if (!connection && name.startsWith("execute")) {
                statements.increment();
                if (PRINT) {
                    System.err.println("SQL " + (sql != null ? sql : args != null && args.length > 0 ? args[0] : "?")
                            .toString().replaceAll("\\s+", " "));
                }
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                return proxy;
            }
            Object result;
            long t0 = TIMING ? System.nanoTime() : 0;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (TIMING && (connection && name.equals("commit") || !connection && name.startsWith("execute"))) {
                time(connection ? "COMMIT" : String.valueOf(sql != null ? sql : args != null && args.length > 0 ? args[0] : "?")
                        .replaceAll("\\s+", " "), System.nanoTime() - t0);
            }
            if (connection && result instanceof Statement s) {
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                String text = name.startsWith("prepare") && args != null && args[0] instanceof String q ? q : null;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, new Handler(s, false, text));
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
