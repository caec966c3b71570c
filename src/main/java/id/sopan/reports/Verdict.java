package id.sopan.reports;

/** Penilaian terhadap Penerapan of one SOP in the monitoring form (PermenPAN-RB 35/2012, Tabel 7). */
public enum Verdict {
    /** Berjalan dengan baik. */
    BAIK,
    /** Tidak berjalan dengan baik. */
    TIDAK_BAIK;

    /** The messages key of the verdict's words. */
    public String key() {
        return "report.verdict." + name();
    }
}
