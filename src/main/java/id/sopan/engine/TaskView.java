package id.sopan.engine;

import java.time.Instant;

/**
 * What the engine needs of a task.
 *
 * @param actor            the SOP actor (Pelaksana column) the task stands for
 * @param responsibleActor the internal actor whose jabatan works it (itself, or who hands off / records for
 *                         an external institution or the pemohon)
 * @param round            the case's round when the task was created
 * @param deadline         null when the step's time is unknown
 */
public record TaskView(long id, int step, int round, String actor, String responsibleActor, TaskKind kind,
                       TaskStatus status, String claimedBy, Instant startedAt, Instant deadline) {

    public TaskView withStatus(TaskStatus newStatus, String newClaimedBy) {
        return new TaskView(id, step, round, actor, responsibleActor, kind, newStatus, newClaimedBy, startedAt, deadline);
    }
}
