package id.sopan.casework;

/** One item of a case's kelengkapan checklist. */
public record Requirement(int itemNo, String text, boolean fulfilled) {
}
