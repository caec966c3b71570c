package id.sopan.engine;

/** How a task is worked, from the kind of the SOP actor it stands for. */
public enum TaskKind {
    /** A jabatan of the office does the step. */
    INTERNAL,
    /** An external institution does the step: an internal jabatan hands the file over and receives it back. */
    HANDOFF,
    /** The pemohon does the step, or staff record it for them. */
    PEMOHON
}
