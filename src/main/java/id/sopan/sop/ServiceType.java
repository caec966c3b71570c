package id.sopan.sop;

/** The service types (jenis pelayanan) of Pasal 6 of the Perbup. */
public enum ServiceType {
    KESEKRETARIATAN("Pelayanan Kesekretariatan"),
    PERENCANAAN("Pelayanan Perencanaan"),
    EVALUASI_DAN_PELAPORAN("Pelayanan Evaluasi dan Pelaporan"),
    KELEMBAGAAN_KOPERASI("Pelayanan Kelembagaan Koperasi"),
    PEMBERDAYAAN_KOPERASI("Pelayanan Pemberdayaan Koperasi"),
    PEMBERDAYAAN_UKM("Pelayanan Pemberdayaan Usaha Kecil Menengah");

    private final String label;

    ServiceType(String label) {
        this.label = label;
    }

    /** The name as the regulation prints it. */
    public String label() {
        return label;
    }
}
