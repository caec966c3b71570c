package id.sopan.engine;

import java.util.List;

/**
 * An action the engine refuses. The message names the case, the step and the action; {@code key} and
 * {@code args} let the web layer say the same in the user's language.
 */
public class IllegalActionException extends RuntimeException {

    private final String caseReference;
    private final int step;
    private final Action action;
    private final String key;
    private final List<Object> args;

    public IllegalActionException(String caseReference, int step, Action action, String key, String reason,
                                  Object... args) {
        super("Case " + caseReference + ", step " + step + ": " + (action == null ? "CANCEL" : action) + " is not allowed: " + reason);
        this.caseReference = caseReference;
        this.step = step;
        this.action = action;
        this.key = key;
        this.args = List.of(args);
    }

    public String caseReference() {
        return caseReference;
    }

    public int step() {
        return step;
    }

    public Action action() {
        return action;
    }

    /** Message key under {@code engine.illegal.}; its arguments start with case, step and action. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }
}
