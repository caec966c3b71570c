package id.sopan.sop;

/** Who stands behind a Pelaksana column. */
public enum ActorKind {
    /** A jabatan of the office itself. */
    INTERNAL,
    /** Another institution (BKD, BPKAD, Bappeda, Notaris...): its steps are hand-offs. */
    EXTERNAL,
    /** The applicant: an employee, a cooperative, a business or a citizen. */
    PEMOHON
}
