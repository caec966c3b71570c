package id.sopan.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The declared life of a task: which action leads from which status to which, and for which kind of
 * step. Everything else is illegal. The permitted actions of a task (the buttons on its page) are read
 * from this table, so the page can never offer what the engine would refuse.
 */
public final class Transitions {

    /** What a rule needs to know about the task's step. */
    public record StepShape(TaskKind kind, boolean decision) {
    }

    /** One allowed move. */
    public record Rule(TaskStatus from, Action action, TaskStatus to, Applies applies) {
    }

    /** For which steps a rule holds. */
    public enum Applies {
        ANY_STEP, PLAIN_STEP, DECISION_STEP, HANDOFF_PLAIN_STEP, HANDOFF_DECISION_STEP, HANDOFF_STEP;

        boolean test(StepShape s) {
            boolean handoff = s.kind() == TaskKind.HANDOFF;
            return switch (this) {
                case ANY_STEP -> true;
                case PLAIN_STEP -> !handoff && !s.decision();
                case DECISION_STEP -> !handoff && s.decision();
                case HANDOFF_STEP -> handoff;
                case HANDOFF_PLAIN_STEP -> handoff && !s.decision();
                case HANDOFF_DECISION_STEP -> handoff && s.decision();
            };
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(TaskStatus.OPEN, Action.CLAIM, TaskStatus.CLAIMED, Applies.ANY_STEP),
            new Rule(TaskStatus.CLAIMED, Action.RELEASE, TaskStatus.OPEN, Applies.ANY_STEP),
            new Rule(TaskStatus.CLAIMED, Action.TAKE_OVER, TaskStatus.CLAIMED, Applies.ANY_STEP),
            new Rule(TaskStatus.CLAIMED, Action.COMPLETE, TaskStatus.DONE, Applies.PLAIN_STEP),
            new Rule(TaskStatus.CLAIMED, Action.APPROVE, TaskStatus.DONE, Applies.DECISION_STEP),
            new Rule(TaskStatus.CLAIMED, Action.RETURN, TaskStatus.RETURNED, Applies.DECISION_STEP),
            new Rule(TaskStatus.CLAIMED, Action.HAND_OFF, TaskStatus.HANDED_OFF, Applies.HANDOFF_STEP),
            new Rule(TaskStatus.HANDED_OFF, Action.RECEIVE_BACK, TaskStatus.DONE, Applies.HANDOFF_PLAIN_STEP),
            new Rule(TaskStatus.HANDED_OFF, Action.APPROVE, TaskStatus.DONE, Applies.HANDOFF_DECISION_STEP),
            new Rule(TaskStatus.HANDED_OFF, Action.RETURN, TaskStatus.RETURNED, Applies.HANDOFF_DECISION_STEP));

    /** Actions that only the user who claimed the task may take while it is claimed. */
    static final Set<Action> OWNER_ONLY = EnumSet.of(Action.RELEASE, Action.COMPLETE, Action.APPROVE, Action.RETURN,
            Action.HAND_OFF);

    /** Whether an action can end its task (and so start the next step's): read from {@link #RULES}. */
    public static boolean endsTask(Action action) {
        return RULES.stream().anyMatch(r -> r.action() == action && r.to().isFinal());
    }

    /** Actions that need a note: the reason of a return, the result of a hand-back. */
    public static final Set<Action> NOTE_REQUIRED = EnumSet.of(Action.RETURN);

    private Transitions() {
    }

    public static Optional<Rule> find(TaskStatus from, Action action, StepShape step) {
        return RULES.stream()
                .filter(r -> r.from() == from && r.action() == action && r.applies().test(step))
                .findFirst();
    }

    /**
     * The actions a user may take on a task now.
     *
     * @param claimerMayWork whether the user who claimed the task may still work it (else others may take it over)
     */
    public static Set<Action> permitted(TaskStatus status, StepShape step, String claimedBy, String user,
                                        boolean claimerMayWork) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Rule rule : RULES) {
            if (rule.from() != status || !rule.applies().test(step)) {
                continue;
            }
            if (rule.action() == Action.TAKE_OVER && (claimerMayWork || user.equals(claimedBy))) {
                continue;
            }
            if (status == TaskStatus.CLAIMED && OWNER_ONLY.contains(rule.action()) && !user.equals(claimedBy)) {
                continue;
            }
            actions.add(rule.action());
        }
        return actions;
    }
}
