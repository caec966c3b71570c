package id.sopan.bench.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes some unfinished tasks overdue while the clients work (PostgreSQL): every {@code every}, a few of them get a
 * deadline one minute in the past, as a step with a tiny Waktu would. The deadline is no part of the history chain
 * and no version check reads it, so this never stands in the way of an action; the SLA watch of either node must
 * then mark each such task once and notify each recipient once.
 */
public final class OverdueMaker implements AutoCloseable {

    private final String url;
    private final Properties props;
    private final Duration every;
    private final int perRound;
    private final AtomicLong made = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;
    private volatile String failure;

    public OverdueMaker(String url, Properties props, Duration every, int perRound) {
        this.url = url;
        this.props = props;
        this.every = every;
        this.perRound = perRound;
        this.thread = new Thread(this::loop, "overdue-maker");
        this.thread.setDaemon(true);
    }

    public OverdueMaker start() {
        thread.start();
        return this;
    }

    /** Tasks given a past deadline so far. */
    public long made() {
        return made.get();
    }

    /** The last error, if any (the maker goes on after one). */
    public String failure() {
        return failure;
    }

    private void loop() {
        while (!stop) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                while (!stop) {
                    // One row per statement (autocommit): never two task locks held at once, so never a deadlock
                    // with an action, which holds its case's lock and updates that case's tasks.
                    java.util.List<Long> ids = new java.util.ArrayList<>();
                    try (PreparedStatement s = c.prepareStatement("""
                            SELECT id FROM case_task
                             WHERE status IN ('OPEN', 'CLAIMED', 'HANDED_OFF') AND overdue_at IS NULL
                               AND (deadline_at IS NULL OR deadline_at > ?)
                             ORDER BY random() FETCH FIRST ? ROWS ONLY
                            """)) {
                        s.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
                        s.setInt(2, perRound);
                        try (java.sql.ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement("""
                            UPDATE case_task SET deadline_at = ?
                             WHERE id = ? AND status IN ('OPEN', 'CLAIMED', 'HANDED_OFF') AND overdue_at IS NULL
                            """)) {
                        for (long id : ids) {
                            s.setObject(1, Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC));
                            s.setLong(2, id);
                            made.addAndGet(s.executeUpdate());
                        }
                    }
                    Thread.sleep(every.toMillis());
                }
            } catch (SQLException e) {
                failure = e.toString();
                sleep();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
            stop = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
