package id.sopan.catalog;

/** A state change of an SOP version was refused; the message names the SOP, the version and the action. */
public class SopVersionException extends RuntimeException {

    private final String officeCode;
    private final String code;
    private final int versionNo;
    private final String action;

    SopVersionException(String officeCode, String code, int versionNo, String action, String reason) {
        super("SOP " + officeCode + "/" + code + " version " + versionNo + ": cannot " + action + ": " + reason);
        this.officeCode = officeCode;
        this.code = code;
        this.versionNo = versionNo;
        this.action = action;
    }

    public String officeCode() {
        return officeCode;
    }

    public String code() {
        return code;
    }

    public int versionNo() {
        return versionNo;
    }

    /** "ratify" or "revoke". */
    public String action() {
        return action;
    }

    /** Someone else changed the version since it was read (optimistic lock): reload and try again. */
    public static class Stale extends SopVersionException {
        Stale(String officeCode, String code, int versionNo, String action, int expected, Integer found) {
            super(officeCode, code, versionNo, action, "it was changed by someone else (expected lock version "
                    + expected + ", found " + (found == null ? "none" : found) + "); reload and try again");
        }
    }

    /** The version's status does not allow the action (e.g. ratifying a DICABUT version). */
    public static class IllegalTransition extends SopVersionException {
        IllegalTransition(String officeCode, String code, int versionNo, String action, String reason) {
            super(officeCode, code, versionNo, action, reason);
        }
    }
}
