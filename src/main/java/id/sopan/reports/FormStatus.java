package id.sopan.reports;

/** A monitoring or evaluation form is a draft until its evaluator signs it off; then it no longer changes. */
public enum FormStatus {
    DRAFT, SIGNED
}
