package id.sopan.ops;

import id.sopan.casework.SlaWatch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Health component {@code sla}: DOWN when the SLA watch is enabled but its last run failed, or no run has ended
 * within {@code sopan.ops.sla-missed-runs} (3) intervals (after the initial delay since start); details: the last
 * run's end, the tasks it marked and the notifications it wrote. UP with {@code enabled=false} when it is off.
 */
@Component("slaHealthIndicator")
class SlaHealthIndicator implements HealthIndicator {

    private final Supplier<Optional<SlaWatch.LastRun>> lastRun;
    private final boolean enabled;
    private final Duration interval;
    private final Duration initialDelay;
    private final int missedRuns;
    private final Clock clock;
    private final Instant started;

    @Autowired
    SlaHealthIndicator(ObjectProvider<SlaWatch> watch, Clock clock,
                       @Value("${sopan.sla.interval:PT1M}") Duration interval,
                       @Value("${sopan.sla.initial-delay:PT30S}") Duration initialDelay,
                       @Value("${sopan.ops.sla-missed-runs:3}") int missedRuns) {
        this(() -> Optional.ofNullable(watch.getIfAvailable()).flatMap(SlaWatch::lastRun),
                watch.getIfAvailable() != null, interval, initialDelay, missedRuns, clock, clock.instant());
    }

    SlaHealthIndicator(Supplier<Optional<SlaWatch.LastRun>> lastRun, boolean enabled, Duration interval,
                       Duration initialDelay, int missedRuns, Clock clock, Instant started) {
        this.lastRun = lastRun;
        this.enabled = enabled;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.missedRuns = missedRuns;
        this.clock = clock;
        this.started = started;
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.up().withDetail("enabled", false).build();
        }
        Instant now = clock.instant();
        Duration allowed = interval.multipliedBy(missedRuns);
        Optional<SlaWatch.LastRun> last = lastRun.get();
        if (last.isEmpty()) {
            Instant due = started.plus(initialDelay).plus(allowed);
            Health.Builder health = now.isAfter(due) ? Health.down().withDetail("reason", "no run since start")
                    : Health.up();
            return health.withDetail("enabled", true).withDetail("interval", interval.toString())
                    .withDetail("lastRun", "none yet").build();
        }
        SlaWatch.LastRun run = last.get();
        Health.Builder health;
        if (run.failed()) {
            health = Health.down().withDetail("reason", "last run failed").withDetail("failure", run.failure());
        } else if (Duration.between(run.finishedAt(), now).compareTo(allowed) > 0) {
            health = Health.down().withDetail("reason", "no run completed within " + missedRuns + " intervals");
        } else {
            health = Health.up();
        }
        return health.withDetail("enabled", true)
                .withDetail("interval", interval.toString())
                .withDetail("lastRun", run.finishedAt().toString())
                .withDetail("tasksMarked", run.tasksMarked())
                .withDetail("notificationsSent", run.notificationsSent())
                .build();
    }
}
