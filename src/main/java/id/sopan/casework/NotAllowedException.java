package id.sopan.casework;

/** The user holds no jabatan (nor delegation) that may work this task or case. Answered as HTTP 403. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
