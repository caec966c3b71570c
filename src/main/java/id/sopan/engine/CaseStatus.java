package id.sopan.engine;

public enum CaseStatus {
    OPEN, CLOSED, CANCELLED
}
