package id.sopan.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheLimitPerWindowAndKeyThenRefusesUntilTheWindowHasPassed() {
        HandClock clock = new HandClock();
        RateLimiter limiter = new RateLimiter(20, Duration.ofMinutes(1), clock, 1000);
        for (int i = 1; i <= 20; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("attempt " + i).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.1")).as("still refused, however often").isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).as("another client has its own count").isTrue();
        clock.now = clock.now.plusSeconds(59);
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.tryAcquire("10.0.0.1")).as("a new window").isTrue();
    }

    @Test
    void forgetsPassedWindowsWhenItRemembersTooManyKeys() {
        HandClock clock = new HandClock();
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), clock, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("old-" + i)).isTrue();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(limiter.tryAcquire("new")).isTrue();
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void needsAPositiveLimitAndWindow() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), new HandClock(), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, new HandClock(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
