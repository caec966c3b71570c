package id.sopan.organization;

import java.time.LocalDate;

/**
 * What {@link OrganizationService#delegate} is asked to record; every field is checked there and a
 * refusal names the field.
 *
 * @param username    the delegate, an active user of the office
 * @param jabatanCode the jabatan to act for, not the delegate's own
 * @param validFrom   first day, included
 * @param validTo     last day, included, not before {@code validFrom}
 * @param note        e.g. the number of the Surat Perintah, may be null
 * @param createdBy   who records it
 */
public record DelegationRequest(String officeCode, String username, String jabatanCode, DelegationKind kind,
                                LocalDate validFrom, LocalDate validTo, String note, String createdBy) {
}
