package id.sopan.casework;

import id.sopan.engine.CaseStatus;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;

import java.time.Instant;
import java.util.List;

/** A case as its page and the API show it: state, checklist, tasks and history. */
public record CaseDetail(long id, String officeCode, String registrationNo, String trackingCode, String sopCode,
                         int sopVersion, CaseStatus status, int currentStep, int returns, Pemohon pemohon,
                         Instant startedAt, String startedBy, Instant endedAt, List<Requirement> requirements,
                         List<Task> tasks, List<Event> history) {

    public record Task(long id, int step, int round, String actor, String responsibleActor, TaskKind kind,
                       TaskStatus status, String claimedBy, Instant startedAt, Instant deadline, Instant endedAt,
                       boolean overdue, List<String> jabatan) {
    }

    public record Event(int seq, Instant at, String username, String actingJabatan, String onBehalfOf, String type,
                        Long taskId, Integer fromStep, Integer toStep, String note) {
    }
}
