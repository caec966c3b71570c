package id.sopan.organization;

import java.util.Objects;

/**
 * A position of an office, held by users; the steps of an SOP land in the worklists of jabatan.
 *
 * @param code       stable within the office, e.g. {@code KASUBBAG-UMUM}
 * @param unitCode   the unit it belongs to
 * @param atasanCode the direct superior's jabatan code, null for the head of the office
 */
public record Jabatan(String officeCode, String code, String name, String unitCode, String atasanCode,
                      JabatanKind kind) {
    public Jabatan {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isHead() {
        return atasanCode == null;
    }
}
