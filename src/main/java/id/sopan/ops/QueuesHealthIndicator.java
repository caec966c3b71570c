package id.sopan.ops;

import id.sopan.casework.QueueFigures;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code queues}: the work waiting (open tasks, unclaimed tasks past their deadline, unread
 * notifications). A backlog is no outage: UP whenever the counts can be read (the same figures are gauges for
 * alerting); DOWN only when they cannot.
 */
@Component("queuesHealthIndicator")
class QueuesHealthIndicator implements HealthIndicator {

    private final QueueFigures queues;

    QueuesHealthIndicator(QueueFigures queues) {
        this.queues = queues;
    }

    @Override
    public Health health() {
        QueueFigures.Figures f = queues.figures();
        return Health.up()
                .withDetail("openTasks", f.openTasks())
                .withDetail("overdueUnclaimedTasks", f.overdueUnclaimedTasks())
                .withDetail("unreadNotifications", f.unreadNotifications())
                .build();
    }
}
