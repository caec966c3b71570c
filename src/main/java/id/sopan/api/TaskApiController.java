package id.sopan.api;

import id.sopan.casework.CaseService;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The caller's worklist (Kotak Tugas) and the actions on a task. Every action honours an
 * {@code Idempotency-Key} header: a retry with the same key and request answers the first result without
 * acting again; the same key for another request is a 409.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tugas", description = "The worklist and the actions on a task")
class TaskApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_DOC =
            "optional; a retry with the same key and request answers the first result and acts once";
    static final int MAX_LIMIT = 200;

    /** The result of a check or of a finished step. */
    enum Outcome { DONE, SESUAI, BELUM_SESUAI }

    /** The result an external institution gave back at a decision step. */
    enum Decision { SESUAI, BELUM_SESUAI }

    record TaskItem(long taskId, long caseId, String registrationNo, String sopCode, int step, String actor,
                    TaskKind kind, TaskStatus status, String claimedBy, Instant startedAt, Instant deadline,
                    boolean overdue, String pemohonName, Set<Action> permittedActions) {
    }

    record CompleteRequest(
            @Schema(description = "DONE finishes a plain step; SESUAI / BELUM_SESUAI answer a check",
                    allowableValues = {"DONE", "SESUAI", "BELUM_SESUAI"}) String outcome,
            @Schema(description = "required for BELUM_SESUAI: why the file goes back") String note) {
    }

    record NoteRequest(String note) {
    }

    record ReceiveRequest(
            @Schema(description = "the result received back from the institution") String note,
            @Schema(description = "only at an external decision step: the institution's decision",
                    allowableValues = {"SESUAI", "BELUM_SESUAI"}, nullable = true) String outcome) {
    }

    record ActionResponse(long caseId, String registrationNo, CaseStatus caseStatus, int currentStep, long taskId,
                          TaskStatus taskStatus) {
    }

    private final CaseService cases;

    TaskApiController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping
    @Operation(summary = "My open tasks (own jabatan and delegations), soonest deadline first")
    List<TaskItem> worklist(@RequestParam(name = "limit", defaultValue = "50") String limitText, Authentication user) {
        // Read here rather than by Spring's conversion, which takes other scripts' digits ("١٢") too.
        String trimmed = limitText.strip();
        int limit = trimmed.matches("[0-9]{1,9}") ? Integer.parseInt(trimmed) : trimmed.isEmpty() ? 50 : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "api.field.range", 1, MAX_LIMIT);
        }
        String username = user.getName();
        return cases.worklist(username, limit).stream().map(w -> new TaskItem(w.taskId(), w.caseId(),
                w.registrationNo(), w.sopCode(), w.step(), w.actor(), w.kind(), w.status(), w.claimedBy(),
                w.startedAt(), w.deadline(), w.overdue(), w.pemohonName(), w.permitted())).toList();
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take the task (CLAIM)")
    ActionResponse claim(@PathVariable long id, @Parameter(description = IDEMPOTENCY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                         Authentication user) {
        return act(id, Action.CLAIM, null, key, user);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Give a claimed task back to the jabatan's pool (RELEASE)")
    ActionResponse release(@PathVariable long id, @Parameter(description = IDEMPOTENCY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                           Authentication user) {
        return act(id, Action.RELEASE, null, key, user);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Finish the claimed task: DONE (COMPLETE), SESUAI (APPROVE) or BELUM_SESUAI (RETURN, with a note)")
    ActionResponse complete(@PathVariable long id, @RequestBody CompleteRequest body,
                            @Parameter(description = IDEMPOTENCY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                            Authentication user) {
        Outcome outcome = Fields.oneOf("outcome", body.outcome(), Outcome.class);
        String note = Fields.optional("note", body.note(), Fields.MAX_NOTE);
        if (outcome == Outcome.BELUM_SESUAI && note == null) {
            throw ApiProblem.invalid("note", "api.field.noteForReturn");
        }
        Action action = switch (outcome) {
            case DONE -> Action.COMPLETE;
            case SESUAI -> Action.APPROVE;
            case BELUM_SESUAI -> Action.RETURN;
        };
        return act(id, action, note, key, user);
    }

    @PostMapping("/{id}/handoff")
    @Operation(summary = "Hand the file to the external institution (HAND_OFF); the body with a note is optional")
    ActionResponse handoff(@PathVariable long id, @RequestBody(required = false) NoteRequest body,
                           @Parameter(description = IDEMPOTENCY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                           Authentication user) {
        String note = body == null ? null : Fields.optional("note", body.note(), Fields.MAX_NOTE);
        return act(id, Action.HAND_OFF, note, key, user);
    }

    @PostMapping("/{id}/receive")
    @Operation(summary = "The institution gave the file back: RECEIVE_BACK, or at an external decision step "
            + "APPROVE (SESUAI) / RETURN (BELUM_SESUAI); the note (the result) is required")
    ActionResponse receive(@PathVariable long id, @RequestBody ReceiveRequest body,
                           @Parameter(description = IDEMPOTENCY_DOC) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                           Authentication user) {
        String note = Fields.optional("note", body.note(), Fields.MAX_NOTE);
        if (note == null) {
            throw ApiProblem.invalid("note", "api.field.noteForReceive");
        }
        Action action = body.outcome() == null || body.outcome().isBlank() ? Action.RECEIVE_BACK
                : switch (Fields.oneOf("outcome", body.outcome(), Decision.class)) {
                    case SESUAI -> Action.APPROVE;
                    case BELUM_SESUAI -> Action.RETURN;
                };
        return act(id, action, note, key, user);
    }

    private ActionResponse act(long taskId, Action action, String note, String key, Authentication user) {
        CaseService.ActionResult r = cases.act(taskId, action, user.getName(), note, Fields.idempotencyKey(key));
        return new ActionResponse(r.caseId(), r.registrationNo(), r.caseStatus(), r.currentStep(), r.taskId(),
                r.taskStatus());
    }
}
