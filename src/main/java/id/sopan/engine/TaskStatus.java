package id.sopan.engine;

/** Where a task stands. DONE, RETURNED and CANCELLED are final. */
public enum TaskStatus {
    OPEN, CLAIMED, HANDED_OFF, DONE, RETURNED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == RETURNED || this == CANCELLED;
    }
}
