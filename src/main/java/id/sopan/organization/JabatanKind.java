package id.sopan.organization;

/** What kind of position a jabatan is. */
public enum JabatanKind {
    /** An eselon post heading a unit: Kepala Dinas, Sekretaris, Kepala Bidang, Kasubbag, Kasi. */
    STRUCTURAL,
    /** A jabatan fungsional tertentu (Arsiparis, Perencana...). */
    FUNCTIONAL,
    /** A jabatan pelaksana: staf, bendahara, petugas, a tim. */
    STAFF
}
