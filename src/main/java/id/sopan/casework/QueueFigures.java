package id.sopan.casework;

import io.micrometer.core.instrument.Gauge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The work waiting in the database, for the health endpoint and as gauges: open tasks, unclaimed tasks past their
 * deadline, unread notifications. Three counts over the open-task index; read at most once per
 * {@code sopan.ops.queue-refresh} (15 s) however often a scraper or a health check asks.
 */
@Component
public class QueueFigures {

    /** The counts as last read. */
    public record Figures(long openTasks, long overdueUnclaimedTasks, long unreadNotifications) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long refreshNanos;
    private volatile Figures last;
    private volatile long readAt;

    QueueFigures(JdbcClient jdbc, Clock clock, CaseObservation observation,
                 @Value("${sopan.ops.queue-refresh:PT15S}") Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refreshNanos = refresh.toNanos();
        var meters = observation.registry();
        Gauge.builder("sopan.tasks.open", this, q -> q.figures().openTasks())
                .description("Open tasks (open, claimed, handed off)").register(meters);
        Gauge.builder("sopan.tasks.overdue.unclaimed", this, q -> q.figures().overdueUnclaimedTasks())
                .description("Unclaimed tasks past their deadline").register(meters);
        Gauge.builder("sopan.notifications.unread", this, q -> q.figures().unreadNotifications())
                .description("In-app notifications nobody has read yet").register(meters);
    }

    /** The counts, read again when the last reading is older than the refresh period. */
    public Figures figures() {
        Figures f = last;
        long nanos = System.nanoTime();
        if (f == null || nanos - readAt > refreshNanos) {
            f = read();
            last = f;
            readAt = nanos;
        }
        return f;
    }

    /** The counts now, bypassing the cache. */
    public Figures read() {
        // Per office, so that each count is a range of the open-task index (office, not ended, deadline).
        long open = jdbc.sql("""
                        SELECT COUNT(*) FROM office o JOIN case_task t ON t.office_id = o.id AND t.ended_at IS NULL
                        """)
                .query(Long.class).single();
        long overdue = jdbc.sql("""
                        SELECT COUNT(*) FROM office o
                          JOIN case_task t ON t.office_id = o.id AND t.ended_at IS NULL AND t.deadline_at < :now
                         WHERE t.status = 'OPEN'
                        """)
                .param("now", CaseRepository.ts(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .query(Long.class).single();
        long unread = jdbc.sql("SELECT COUNT(*) FROM notification WHERE read_at IS NULL").query(Long.class).single();
        return new Figures(open, overdue, unread);
    }
}
