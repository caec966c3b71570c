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
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
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
