package id.sopan.engine;

import java.time.Instant;
import java.util.List;

/**
 * What an action does, for the caller to store in one transaction: the case's new state, the changed
 * tasks, the new tasks and the events, in order.
 */
public record Outcome(CaseView kase, List<TaskChange> changes, List<NewTask> created, List<CaseEvent> events) {

    public Outcome {
        changes = List.copyOf(changes);
        created = List.copyOf(created);
        events = List.copyOf(events);
    }

    /** @param claimedBy the claimer after the change (null when released) */
    public record TaskChange(long taskId, TaskStatus from, TaskStatus to, String claimedBy, Instant at) {
    }

    /**
     * A task to create. {@code status} is OPEN, or DONE for the pemohon's submission that the start of
     * the case itself performs.
     */
    public record NewTask(int step, int round, String actor, String responsibleActor, TaskKind kind,
                          TaskStatus status, Instant startedAt, Instant deadline, String doneBy) {
    }

    /** @param taskId null for an event of the case as a whole; for a new task, see {@code newTaskIndex} */
    public record CaseEvent(EventType type, Long taskId, Integer newTaskIndex, Integer fromStep, Integer toStep,
                            String note) {
    }
}
