package id.sopan.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A user acting for a jabatan (Plt/Plh) from one day to another, both included.
 *
 * @param username the delegate
 */
public record Delegation(long id, String officeCode, String username, String jabatanCode, DelegationKind kind,
                         LocalDate validFrom, LocalDate validTo, String note, String createdBy,
                         OffsetDateTime createdAt) {
    public Delegation {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(jabatanCode, "jabatanCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
