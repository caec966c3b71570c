package id.sopan.casework;

import java.util.Objects;

/**
 * Who asks: an employee of the office (with a user account), or an outside person or organization
 * (a cooperative, a small business) with a contact.
 */
public record Pemohon(Kind kind, String name, String username, String nip, String contact) {

    public enum Kind { EMPLOYEE, PERSON, ORGANIZATION }

    public Pemohon {
        Objects.requireNonNull(kind, "kind");
    }
}
