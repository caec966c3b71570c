package id.sopan.casework;

/** No case or task with that id (HTTP 404). */
public class NoSuchCaseException extends RuntimeException {
    public NoSuchCaseException(String what) {
        super(what + " does not exist");
    }
}
