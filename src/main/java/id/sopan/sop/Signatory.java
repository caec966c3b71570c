package id.sopan.sop;

/** Who ratified (mengesahkan) an SOP: jabatan, name and NIP; any may be empty when the source gives none. */
public record Signatory(String jabatan, String nama, String nip) {
    public static final Signatory NONE = new Signatory(null, null, null);
}
