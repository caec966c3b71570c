package id.sopan.organization;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A person who signs in and holds one jabatan (or none yet). The password hash never leaves the package.
 *
 * @param nip         the 18-digit Nomor Induk Pegawai, null when not known
 * @param jabatanCode the jabatan held, null when none
 * @param demoAccount created by demo mode
 * @param version     the optimistic lock: pass it back to change the user
 */
public record AppUser(String officeCode, String username, String fullName, String nip, String jabatanCode,
                      boolean active, boolean demoAccount, OffsetDateTime createdAt, int version) {
    public AppUser {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(fullName, "fullName");
    }
}
