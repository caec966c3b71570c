package id.sopan.organization;

import java.util.Objects;

/**
 * A unit of an office: the office itself at the top, then Sekretariat and Bidang, then Sub Bagian and Seksi.
 *
 * @param parentCode the enclosing unit's code, null for the top unit
 */
public record OrgUnit(String officeCode, String code, String name, String parentCode) {
    public OrgUnit {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
