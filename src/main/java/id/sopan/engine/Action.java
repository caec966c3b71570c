package id.sopan.engine;

/** What a user can do to a task. Which ones apply is declared in {@link Transitions}. */
public enum Action {
    /** Take the task: it is now the user's. */
    CLAIM,
    /**
     * Take a claimed task from a user who may no longer work it (their Plt/Plh ended, they left the jabatan),
     * so that it is not stuck with them.
     */
    TAKE_OVER,
    /** Give a claimed task back to the jabatan's pool. */
    RELEASE,
    /** Finish a step that is not a check. */
    COMPLETE,
    /** A check found the file in order ("sesuai"): on to the next step. */
    APPROVE,
    /** A check found the file not in order ("belum sesuai"): back to the return step, with a reason. */
    RETURN,
    /** Hand the file to the external institution ("diserahkan"). */
    HAND_OFF,
    /** The external institution gave the file back ("diterima kembali"), with its result. */
    RECEIVE_BACK
}
