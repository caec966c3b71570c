package id.sopan.reports;

/**
 * The seven criteria of the SOP AP evaluation (PermenPAN-RB 35/2012), answered Ya/Tidak per SOP, in the
 * regulation's order (stored as {@code criterion_1} .. {@code criterion_7}).
 */
public enum Criterion {
    MENDORONG_KINERJA,
    MUDAH_DIPAHAMI,
    MUDAH_DILAKSANAKAN,
    PERAN_JELAS,
    MENGATASI_MASALAH,
    KEBUTUHAN_ORGANISASI,
    SINERGI;

    /** 1 .. 7. */
    public int number() {
        return ordinal() + 1;
    }

    public String key() {
        return "report.criterion." + number();
    }
}
