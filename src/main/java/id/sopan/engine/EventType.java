package id.sopan.engine;

/** What happened to a case; every action writes one. */
public enum EventType {
    CASE_STARTED, TASK_CLAIMED, TASK_RELEASED, STEP_DONE, DECISION_APPROVED, DECISION_RETURNED, HANDED_OFF,
    RECEIVED_BACK, CASE_CLOSED, CASE_CANCELLED,
    /** Not an action: the SLA watch found the task past its deadline. */
    TASK_OVERDUE
}
