package id.sopan.catalog;

/** The life of an SOP version: drafted, set in force by pengesahan, and finally revoked or replaced. */
public enum SopStatus {
    /** Imported or edited, not yet ratified. */
    DRAFT,
    /** Ratified and in force; at most one version of an SOP is berlaku. */
    BERLAKU,
    /** Revoked, or replaced by a newer berlaku version. */
    DICABUT
}
