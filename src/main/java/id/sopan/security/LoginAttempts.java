package id.sopan.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Locks a username after repeated failed sign-ins: {@code sopan.login.max-failures} failures within
 * {@code sopan.login.window} lock it for {@code sopan.login.lock} (form and API alike). The failures are rows of
 * {@code login_failure} (V13), so every application node on the database counts the same failures and honours the
 * same lock; the window runs on the application's clock. A lock only slows a guesser down, it is not a record:
 * rows are deleted once older than the window and the lock.
 */
@Component
class LoginAttempts {

    /** Longest key stored; longer input is cut (no real username comes near it). */
    static final int MAX_KEY = 100;

    private final int maxFailures;
    private final Duration window;
    private final Duration lock;
    private final Clock clock;
    private final JdbcClient jdbc;

    LoginAttempts(@Value("${sopan.login.max-failures:5}") int maxFailures,
                  @Value("${sopan.login.window:PT15M}") Duration window,
                  @Value("${sopan.login.lock:PT15M}") Duration lock, Clock clock, JdbcClient jdbc) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    boolean isLocked(String username) {
        OffsetDateTime until = jdbc.sql("""
                        SELECT MAX(locked_until) FROM login_failure WHERE username = :username
                        """)
                .param("username", key(username)).query(OffsetDateTime.class).list().get(0);
        return until != null && now().isBefore(until);
    }

    void failed(String username) {
        String key = key(username);
        OffsetDateTime now = now();
        // Forget what can no longer count or lock (anyone's): the table holds the last window and lock only.
        jdbc.sql("DELETE FROM login_failure WHERE failed_at < :old")
                .param("old", now.minus(window.compareTo(lock) > 0 ? window : lock)).update();
        jdbc.sql("INSERT INTO login_failure (username, failed_at) VALUES (:username, :at)")
                .param("username", key).param("at", now).update();
        // Failures since the window opened and since the last lock (a lock starts the count again).
        OffsetDateTime lastLock = jdbc.sql("""
                        SELECT MAX(failed_at) FROM login_failure WHERE username = :username AND locked_until IS NOT NULL
                        """)
                .param("username", key).query(OffsetDateTime.class).list().get(0);
        OffsetDateTime from = now.minus(window);
        boolean afterLock = lastLock != null && !lastLock.isBefore(from);
        int recent = jdbc.sql("""
                        SELECT COUNT(*) FROM login_failure
                         WHERE username = :username AND failed_at >= :from AND locked_until IS NULL
                        """ + (afterLock ? " AND failed_at > :lastLock" : ""))
                .param("username", key).param("from", from)
                .params(afterLock ? Map.of("lastLock", lastLock) : Map.of())
                .query(Integer.class).single();
        if (recent >= maxFailures) {
            jdbc.sql("""
                            UPDATE login_failure SET locked_until = :until
                             WHERE id = (SELECT MAX(id) FROM login_failure WHERE username = :username)
                            """)
                    .param("until", now.plus(lock)).param("username", key).update();
        }
    }

    /** A good password clears the failures counted so far (not a lock: a locked username is refused before). */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failure WHERE username = :username AND locked_until IS NULL")
                .param("username", key(username)).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String key(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
