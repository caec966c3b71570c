package id.sopan.organization;

/** How a user comes to act for a jabatan that is not theirs. */
public enum DelegationKind {
    /** Pelaksana Tugas: the jabatan is vacant or its holder away for long. */
    PLT,
    /** Pelaksana Harian: its holder is away for a few days. */
    PLH
}
