package id.sopan.organization;

import java.util.Objects;

/** An institution outside the office (BKD, BPKAD, Notaris...): SOP steps it does are hand-offs. */
public record ExternalInstitution(String officeCode, String code, String name) {
    public ExternalInstitution {
        Objects.requireNonNull(officeCode, "officeCode");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
