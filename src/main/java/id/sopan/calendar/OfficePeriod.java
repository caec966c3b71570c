package id.sopan.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of office time within a day, from {@code opens} (inclusive) to {@code closes} (exclusive),
 * e.g. 07:30–12:00. Breaks are the gaps between a day's periods. Whole seconds; a period ends before midnight.
 */
public record OfficePeriod(LocalTime opens, LocalTime closes) {

    public OfficePeriod {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.getNano() != 0 || closes.getNano() != 0) {
            throw new IllegalArgumentException("office period " + opens + "-" + closes + ": whole seconds only");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("office period " + opens + "-" + closes + ": opens must be before closes");
        }
    }

    /** Parses {@code "07:30-12:00"}. */
    public static OfficePeriod parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("office period \"" + text + "\": expected HH:MM-HH:MM");
        }
        return new OfficePeriod(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    public Duration length() {
        return Duration.between(opens, closes);
    }

    boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
