package id.sopan.engine;

import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs an SOP as a case. Pure: it reads the SOP version, the case's own state and its tasks, and answers
 * with an {@link Outcome}; it stores nothing and reads no clock (the time comes with each call).
 *
 * <p>Each step becomes one task per actor. A step is done when all its tasks are; then the next step's
 * tasks open, or the case closes after the last step. A decision returned "belum sesuai" cancels its
 * sibling tasks and reopens its return step in a new round. Steps of an external institution are worked
 * by the internal jabatan before them (hand-off and receipt); so are the pemohon's steps, which the pemohon
 * may also do.
 */
public final class Engine {

    private final DeadlinePolicy deadlines;

    public Engine(DeadlinePolicy deadlines) {
        this.deadlines = Objects.requireNonNull(deadlines);
    }

    /**
     * Opens a case at step 1. When the pemohon submits the case and step 1 is the pemohon's submission,
     * the start is that submission: step 1 is recorded done by {@code startedBy} and step 2 opens.
     */
    public Outcome start(SopDefinition sop, String reference, String startedBy, boolean submittedByPemohon, Instant at) {
        List<Outcome.NewTask> created = new ArrayList<>();
        List<Outcome.CaseEvent> events = new ArrayList<>();
        events.add(new Outcome.CaseEvent(EventType.CASE_STARTED, null, null, null, 1, null));
        Step first = sop.firstStep();
        boolean pemohonFirst = first.actors().stream().allMatch(a -> kindOf(sop, a) == TaskKind.PEMOHON);
        CaseView kase = new CaseView(reference, CaseStatus.OPEN, 1, 0, 0);
        if (submittedByPemohon && pemohonFirst) {
            for (String actor : first.actors()) {
                created.add(new Outcome.NewTask(1, 0, actor, responsibleFor(sop, 1, actor), TaskKind.PEMOHON,
                        TaskStatus.DONE, at, deadlines.deadline(at, first.waktu()), startedBy));
                events.add(new Outcome.CaseEvent(EventType.STEP_DONE, null, created.size() - 1, 1, 1, null));
            }
            return advance(sop, kase, 1, at, created, new ArrayList<>(), events);
        }
        created.addAll(activate(sop, 1, 0, at));
        return new Outcome(kase, List.of(), created, events);
    }

    /** Applies one user's action to one task of the case (whose claimer, if any, may still work it). */
    public Outcome apply(SopDefinition sop, CaseView kase, List<TaskView> tasks, long taskId, Action action,
                         String user, String note, Instant at) {
        return apply(sop, kase, tasks, taskId, action, user, note, true, at);
    }

    /**
     * Applies one user's action to one task of the case.
     *
     * @param claimerMayWork whether the task's claimer may still work it: only when not may another user take it over
     */
    public Outcome apply(SopDefinition sop, CaseView kase, List<TaskView> tasks, long taskId, Action action,
                         String user, String note, boolean claimerMayWork, Instant at) {
        TaskView task = tasks.stream().filter(t -> t.id() == taskId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task " + taskId + " is not a task of case " + kase.reference()));
        Step step = sop.step(task.step()).orElseThrow(() -> new IllegalStateException(
                "case " + kase.reference() + " has a task for step " + task.step() + " that its SOP version lacks"));
        if (kase.status() != CaseStatus.OPEN) {
            throw illegal(kase, task, action, "caseNotOpen", "the case is " + kase.status(), kase.status());
        }
        if (task.step() != kase.currentStep() || task.round() != kase.round() || task.status().isFinal()) {
            throw illegal(kase, task, action, "taskNotActive", "the task is " + task.status() + " and not the current step's",
                    task.status());
        }
        Transitions.StepShape shape = new Transitions.StepShape(task.kind(), step.isDecision());
        Transitions.Rule rule = Transitions.find(task.status(), action, shape).orElseThrow(() -> illegal(kase, task, action,
                "transition", "a " + describe(shape) + " task that is " + task.status() + " does not allow it", task.status()));
        if (task.status() == TaskStatus.CLAIMED && Transitions.OWNER_ONLY.contains(action) && !user.equals(task.claimedBy())) {
            throw illegal(kase, task, action, "notOwner", "the task is claimed by " + task.claimedBy(), task.claimedBy());
        }
        if (action == Action.TAKE_OVER && (claimerMayWork || user.equals(task.claimedBy()))) {
            throw illegal(kase, task, action, "stillClaimed", "the task is claimed by " + task.claimedBy()
                    + ", who may still work it", task.claimedBy());
        }
        if ((action == Action.RETURN || action == Action.RECEIVE_BACK) && (note == null || note.isBlank())) {
            throw illegal(kase, task, action, "noteRequired", "a note is required (the reason, or the result received)");
        }
        String claimer = switch (action) {
            case CLAIM, TAKE_OVER -> user;
            case RELEASE -> null;
            default -> task.claimedBy();
        };
        List<Outcome.TaskChange> changes = new ArrayList<>();
        List<Outcome.CaseEvent> events = new ArrayList<>();
        changes.add(new Outcome.TaskChange(task.id(), task.status(), rule.to(), claimer, at));
        String recorded = action == Action.TAKE_OVER ? "diambil alih dari " + task.claimedBy() : blankToNull(note);
        events.add(new Outcome.CaseEvent(eventOf(action), task.id(), null, task.step(),
                action == Action.RETURN ? step.decision().returnsTo() : task.step(), recorded));

        if (rule.to() == TaskStatus.DONE) {
            boolean stepDone = tasks.stream()
                    .filter(t -> t.step() == task.step() && t.round() == task.round() && t.id() != task.id())
                    .allMatch(t -> t.status() == TaskStatus.DONE);
            if (stepDone) {
                return advance(sop, kase, task.step(), at, new ArrayList<>(), changes, events);
            }
        } else if (rule.to() == TaskStatus.RETURNED) {
            for (TaskView sibling : tasks) {
                if (sibling.step() == task.step() && sibling.round() == task.round() && sibling.id() != task.id()
                        && !sibling.status().isFinal()) {
                    changes.add(new Outcome.TaskChange(sibling.id(), sibling.status(), TaskStatus.CANCELLED,
                            sibling.claimedBy(), at));
                }
            }
            int target = step.decision().returnsTo();
            CaseView back = new CaseView(kase.reference(), CaseStatus.OPEN, target, kase.round() + 1, kase.returns() + 1);
            return new Outcome(back, changes, activate(sop, target, back.round(), at), events);
        }
        return new Outcome(kase, changes, List.of(), events);
    }

    /** Cancels an open case: every open task is cancelled. The reason is required. */
    public Outcome cancel(CaseView kase, List<TaskView> tasks, String user, String reason, Instant at) {
        if (kase.status() != CaseStatus.OPEN) {
            throw new IllegalActionException(kase.reference(), kase.currentStep(), null, "caseNotOpen",
                    "the case is " + kase.status(), kase.reference(), kase.currentStep(), "CANCEL", kase.status());
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalActionException(kase.reference(), kase.currentStep(), null, "noteRequired",
                    "a reason is required", kase.reference(), kase.currentStep(), "CANCEL");
        }
        List<Outcome.TaskChange> changes = tasks.stream().filter(t -> !t.status().isFinal())
                .map(t -> new Outcome.TaskChange(t.id(), t.status(), TaskStatus.CANCELLED, t.claimedBy(), at)).toList();
        CaseView cancelled = new CaseView(kase.reference(), CaseStatus.CANCELLED, kase.currentStep(), kase.round(), kase.returns());
        return new Outcome(cancelled, changes, List.of(),
                List.of(new Outcome.CaseEvent(EventType.CASE_CANCELLED, null, null, kase.currentStep(), null, reason)));
    }

    /** The actions {@code user} may take on a task now (given they may work its jabatan): the page's buttons. */
    public static java.util.Set<Action> permittedActions(SopDefinition sop, CaseView kase, TaskView task, String user) {
        return permittedActions(sop, kase, task, user, true);
    }

    /** As above, knowing whether the task's claimer may still work it. */
    public static java.util.Set<Action> permittedActions(SopDefinition sop, CaseView kase, TaskView task, String user,
                                                         boolean claimerMayWork) {
        if (kase.status() != CaseStatus.OPEN || task.step() != kase.currentStep() || task.round() != kase.round()) {
            return java.util.Set.of();
        }
        boolean decision = sop.step(task.step()).map(Step::isDecision).orElse(false);
        return Transitions.permitted(task.status(), new Transitions.StepShape(task.kind(), decision), task.claimedBy(), user,
                claimerMayWork);
    }

    /** The kind of task an SOP actor's steps become. */
    public static TaskKind kindOf(SopDefinition sop, String actorName) {
        ActorKind kind = sop.actor(actorName).map(Actor::kind).orElse(ActorKind.INTERNAL);
        return switch (kind) {
            case INTERNAL -> TaskKind.INTERNAL;
            case EXTERNAL -> TaskKind.HANDOFF;
            case PEMOHON -> TaskKind.PEMOHON;
        };
    }

    /**
     * Who works a task: an internal actor itself; for an external institution or the pemohon, the internal
     * actor of the nearest step before (who hands the file over), else the nearest after.
     */
    public static String responsibleFor(SopDefinition sop, int stepNumber, String actorName) {
        if (kindOf(sop, actorName) == TaskKind.INTERNAL) {
            return actorName;
        }
        List<Step> steps = sop.steps();
        int index = steps.indexOf(sop.step(stepNumber).orElseThrow());
        for (int i = index - 1; i >= 0; i--) {
            Optional<String> internal = firstInternal(sop, steps.get(i));
            if (internal.isPresent()) {
                return internal.get();
            }
        }
        for (int i = index + 1; i < steps.size(); i++) {
            Optional<String> internal = firstInternal(sop, steps.get(i));
            if (internal.isPresent()) {
                return internal.get();
            }
        }
        throw new IllegalStateException("SOP " + sop.code() + " has no internal actor to work step " + stepNumber);
    }

    private Outcome advance(SopDefinition sop, CaseView kase, int doneStep, Instant at, List<Outcome.NewTask> created,
                            List<Outcome.TaskChange> changes, List<Outcome.CaseEvent> events) {
        Optional<Step> next = sop.next(doneStep);
        if (next.isEmpty()) {
            events.add(new Outcome.CaseEvent(EventType.CASE_CLOSED, null, null, doneStep, null, null));
            return new Outcome(new CaseView(kase.reference(), CaseStatus.CLOSED, doneStep, kase.round(), kase.returns()),
                    changes, created, events);
        }
        int number = next.get().number();
        created.addAll(activate(sop, number, kase.round(), at));
        return new Outcome(new CaseView(kase.reference(), CaseStatus.OPEN, number, kase.round(), kase.returns()),
                changes, created, events);
    }

    private List<Outcome.NewTask> activate(SopDefinition sop, int stepNumber, int round, Instant at) {
        Step step = sop.step(stepNumber).orElseThrow();
        Instant deadline = deadlines.deadline(at, step.waktu());
        return step.actors().stream().map(actor -> new Outcome.NewTask(stepNumber, round, actor,
                responsibleFor(sop, stepNumber, actor), kindOf(sop, actor), TaskStatus.OPEN, at, deadline, null)).toList();
    }

    private static Optional<String> firstInternal(SopDefinition sop, Step step) {
        return step.actors().stream().filter(a -> kindOf(sop, a) == TaskKind.INTERNAL).findFirst();
    }

    private static EventType eventOf(Action action) {
        return switch (action) {
            case CLAIM, TAKE_OVER -> EventType.TASK_CLAIMED;
            case RELEASE -> EventType.TASK_RELEASED;
            case COMPLETE -> EventType.STEP_DONE;
            case APPROVE -> EventType.DECISION_APPROVED;
            case RETURN -> EventType.DECISION_RETURNED;
            case HAND_OFF -> EventType.HANDED_OFF;
            case RECEIVE_BACK -> EventType.RECEIVED_BACK;
        };
    }

    private static String describe(Transitions.StepShape shape) {
        return (shape.kind() == TaskKind.HANDOFF ? "hand-off " : "") + (shape.decision() ? "decision" : "plain");
    }

    private static IllegalActionException illegal(CaseView kase, TaskView task, Action action, String key, String reason,
                                                  Object... extra) {
        Object[] args = new Object[3 + extra.length];
        args[0] = kase.reference();
        args[1] = task.step();
        args[2] = action;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return new IllegalActionException(kase.reference(), task.step(), action, key, reason, args);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
