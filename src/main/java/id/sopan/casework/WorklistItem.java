package id.sopan.casework;

import id.sopan.engine.Action;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;

import java.time.Instant;
import java.util.Set;

/**
 * One line of a worklist (Kotak Tugas). {@code permitted}: the actions its user may take on it, as of the read (its
 * buttons; {@link CaseService#permittedActions(long, String)} read then).
 */
public record WorklistItem(long taskId, long caseId, String registrationNo, String sopCode, int step, String actor,
                           TaskKind kind, TaskStatus status, String claimedBy, Instant startedAt, Instant deadline,
                           boolean overdue, String pemohonName, Set<Action> permitted) {
}
