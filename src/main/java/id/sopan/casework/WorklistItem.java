package id.sopan.casework;

import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;

import java.time.Instant;

/** One line of a worklist (Kotak Tugas). */
public record WorklistItem(long taskId, long caseId, String registrationNo, String sopCode, int step, String actor,
                           TaskKind kind, TaskStatus status, String claimedBy, Instant startedAt, Instant deadline,
                           boolean overdue, String pemohonName) {
}
