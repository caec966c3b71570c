package id.sopan.organization;

import java.util.Objects;

/**
 * An office (SKPD) of a Pemda. Every SOP, unit, jabatan and case belongs to one office, so one
 * installation can serve all the offices of a Pemda.
 *
 * @param code    short stable code, e.g. {@code DINKOP-UKM}
 * @param name    the office's full name
 * @param pemda   the local government it belongs to
 * @param address postal address, may be empty
 * @param logo    classpath or file location of the logo, may be empty
 */
public record Office(String code, String name, String pemda, String address, String logo) {
    public Office {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
