package id.sopan.sop;

/** An edge of the SOP graph, between step numbers. */
public record Transition(int from, int to, Kind kind) {
    public enum Kind {
        /** Plain sequence. */
        NEXT,
        /** A decision's "Ya" (sesuai): on to the next step. */
        YES,
        /** A decision's "Tidak" (belum sesuai): back to the return step. */
        NO
    }
}
