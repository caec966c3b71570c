package id.sopan.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a client's IP address) in each window of time, in memory: a fixed
 * window per key, started by the key's first attempt. Enough for one node; with several nodes each counts its
 * own. Keys whose window has passed are dropped once the map grows beyond {@code maxKeys}.
 */
final class RateLimiter {

    private record Window(long startMillis, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Counts an attempt of {@code key}; false when it is over the limit of its current window. */
    boolean tryAcquire(String key) {
        long now = clock.millis();
        Window w = windows.compute(key, (k, old) -> old == null || now - old.startMillis() >= windowMillis
                ? new Window(now, 1)
                : new Window(old.startMillis(), Math.min(old.count() + 1, limit + 1)));
        if (windows.size() > maxKeys) {
            windows.entrySet().removeIf(e -> now - e.getValue().startMillis() >= windowMillis);
        }
        return w.count() <= limit;
    }

    /** How many keys are remembered (for tests and monitoring). */
    int size() {
        return windows.size();
    }
}
