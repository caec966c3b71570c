package id.sopan.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a username after repeated failed sign-ins: {@code sopan.login.max-failures} failures within
 * {@code sopan.login.window} lock it for {@code sopan.login.lock} (form and API alike). Kept in memory per
 * node: a lock only slows a guesser down, it is not a record.
 */
@Component
class LoginAttempts {

    private final int maxFailures;
    private final Duration window;
    private final Duration lock;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginAttempts(@Value("${sopan.login.max-failures:5}") int maxFailures,
                  @Value("${sopan.login.window:PT15M}") Duration window,
                  @Value("${sopan.login.lock:PT15M}") Duration lock, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Instant until = lockedUntil.get(key(username));
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key(username), until);
        return false;
    }

    void failed(String username) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.removeFirst();
            }
            if (recent.size() >= maxFailures) {
                lockedUntil.put(key(username), now.plus(lock));
                recent.clear();
            }
        }
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
