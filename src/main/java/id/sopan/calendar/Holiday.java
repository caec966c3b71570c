package id.sopan.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date on which an office does not work although its weekly schedule says it would.
 *
 * @param date the date (in the calendar's zone)
 * @param name its name in Bahasa Indonesia, e.g. "Proklamasi Kemerdekaan"
 * @param kind why the office is closed
 */
public record Holiday(LocalDate date, String name, Kind kind) {

    /** The longest name the storage keeps. */
    public static final int MAX_NAME_LENGTH = 200;

    /** Why the office is closed on that date. */
    public enum Kind {
        /** Hari libur nasional, as the SKB 3 Menteri (or a Keppres) sets it. */
        NATIONAL_HOLIDAY,
        /** Cuti bersama, as the SKB 3 Menteri sets it: closed for the office, counted against annual leave. */
        CUTI_BERSAMA,
        /** A closure of this office only (a regional holiday, an office event). */
        LOCAL
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("holiday " + date + ": name must not be empty");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("holiday " + date + ": name is longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
    }
}
