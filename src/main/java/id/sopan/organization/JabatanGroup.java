package id.sopan.organization;

import java.util.List;
import java.util.Objects;

/**
 * A role that several jabatan hold, such as "Kepala Bidang" or "Kasubbag/Kasi".
 *
 * @param memberCodes the member jabatan's codes
 */
public record JabatanGroup(String officeCode, String code, String name, GroupScope scope, List<String> memberCodes) {
    public JabatanGroup {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        memberCodes = List.copyOf(memberCodes);
    }
}
