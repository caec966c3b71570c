package id.sopan.reports;

import java.util.List;

/**
 * A change of a monitoring or evaluation form (or the report's texts) that cannot be made; the message names the
 * form, the SOP and what was tried. {@link #key()} words it for the user.
 */
public class FormChangeException extends RuntimeException {

    public enum Reason {
        /** Someone else changed it since it was read (version check). */
        CONFLICT,
        /** The form is signed off and no longer changes. */
        SIGNED,
        /** A sign-off of an evaluation with unanswered criteria. */
        INCOMPLETE;

        public String key() {
            return "report.error." + name();
        }
    }

    private final Reason reason;
    private final List<Object> args;

    public FormChangeException(Reason reason, String message, Object... args) {
        super(message);
        this.reason = reason;
        this.args = List.of(args);
    }

    static FormChangeException conflict(String where, String sopCode) {
        return new FormChangeException(Reason.CONFLICT, where + ": changed by someone else since it was read", sopCode);
    }

    static FormChangeException signed(String where, String sopCode) {
        return new FormChangeException(Reason.SIGNED, where + ": the form is signed off and no longer changes",
                sopCode);
    }

    public Reason reason() {
        return reason;
    }

    public String key() {
        return reason.key();
    }

    public Object[] args() {
        return args.toArray();
    }
}
