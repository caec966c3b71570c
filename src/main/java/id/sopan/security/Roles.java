package id.sopan.security;

/** The roles Sopan grants (as {@code ROLE_} authorities). Decisions about jabatan stay in casework. */
public final class Roles {

    /** Every signed-in user. */
    public static final String USER = "ROLE_USER";
    /** The heads of the office: Kepala Dinas and Sekretaris Dinas (also their Plt/Plh), see {@code sopan.kepala-jabatan}. */
    public static final String KEPALA = "ROLE_KEPALA";
    /**
     * The evaluators of the SOP AP (Perbup Pasal 10: Bagian Organisasi; Pasal 12: Inspektorat), listed by username in
     * {@code sopan.evaluators}: the monitoring and the yearly evaluation.
     */
    public static final String EVALUATOR = "ROLE_EVALUATOR";
    /** The application's administrators, listed by username in {@code sopan.admins}. */
    public static final String ADMIN = "ROLE_ADMIN";

    private Roles() {
    }
}
