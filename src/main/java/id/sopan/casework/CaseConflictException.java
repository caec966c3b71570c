package id.sopan.casework;

/** Someone else changed the case or task first (a lost race): the caller should reload. Answered as HTTP 409. */
public class CaseConflictException extends RuntimeException {
    public CaseConflictException(String message) {
        super(message);
    }
}
