package id.sopan.ops;

import id.sopan.casework.SlaWatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When the SLA watch's health turns DOWN: a failed last run, or no run within three intervals. */
class SlaHealthIndicatorTest {

    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    private static Health at(Instant now, SlaWatch.LastRun last) {
        return new SlaHealthIndicator(() -> Optional.ofNullable(last), true, MINUTE, Duration.ofSeconds(30), 3,
                Clock.fixed(now, ZoneOffset.UTC), START).health();
    }

    @Test
    void aRecentGoodRunIsUpWithItsFigures() {
        SlaWatch.LastRun run = new SlaWatch.LastRun(START.plusSeconds(100), START.plusSeconds(101), 4, 7, null);
        Health h = at(START.plusSeconds(150), run);
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("tasksMarked", 4).containsEntry("notificationsSent", 7)
                .containsEntry("lastRun", "2026-03-02T01:01:41Z").containsEntry("enabled", true);
    }

    @Test
    void aFailedRunIsDownWithWhy() {
        SlaWatch.LastRun run = new SlaWatch.LastRun(START.plusSeconds(100), START.plusSeconds(101), 0, 0,
                "org.springframework.dao.DataAccessResourceFailureException: connection refused");
        Health h = at(START.plusSeconds(110), run);
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("reason", "last run failed");
        assertThat(h.getDetails().get("failure").toString()).contains("connection refused");
    }

    @Test
    void noRunWithinThreeIntervalsIsDown() {
        SlaWatch.LastRun run = new SlaWatch.LastRun(START, START.plusSeconds(1), 0, 0, null);
        assertThat(at(START.plusSeconds(1 + 180), run).getStatus()).isEqualTo(Status.UP);
        Health late = at(START.plusSeconds(1 + 181), run);
        assertThat(late.getStatus()).isEqualTo(Status.DOWN);
        assertThat(late.getDetails().get("reason").toString()).contains("3 intervals");
    }

    @Test
    void beforeItsFirstRunItIsUpUntilTheInitialDelayAndThreeIntervalsHavePassed() {
        assertThat(at(START.plusSeconds(30 + 180), null).getStatus()).isEqualTo(Status.UP);
        Health never = at(START.plusSeconds(30 + 181), null);
        assertThat(never.getStatus()).isEqualTo(Status.DOWN);
        assertThat(never.getDetails()).containsEntry("lastRun", "none yet");
    }

    @Test
    void aWatchSwitchedOffIsNoOutage() {
        Health off = new SlaHealthIndicator(Optional::empty, false, MINUTE, MINUTE, 3, Clock.systemUTC(), START).health();
        assertThat(off.getStatus()).isEqualTo(Status.UP);
        assertThat(off.getDetails()).containsEntry("enabled", false);
    }
}
