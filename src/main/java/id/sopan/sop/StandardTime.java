package id.sopan.sop;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's Mutu Baku Waktu: an amount in a unit, and the text as the source printed it.
 *
 * @param amount how many units; 0 when {@link TimeUnit#UNKNOWN}
 * @param unit   the unit
 * @param text   the time as printed (may be null or empty when the source printed none)
 */
public record StandardTime(int amount, TimeUnit unit, String text) {

    private static final Pattern PRINTED = Pattern.compile(
            "^\\s*(\\d{1,3}(?:[.,]\\d{3})*|\\d+)\\s*(menit|mnt|jam|hari(?:\\s+kerja)?|bulan|minggu)\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * The longest standard time an SOP step may have, per unit: about a working year (100 000 working minutes, 1 000
     * working days, 120 months). Longer is a typing slip, and would make deadlines meaningless.
     */
    public static final int MAX_MINUTES = 100_000;
    public static final int MAX_DAYS = 1_000;
    public static final int MAX_MONTHS = 120;

    public StandardTime {
        Objects.requireNonNull(unit, "unit");
        if (unit == TimeUnit.UNKNOWN && amount != 0) {
            throw new IllegalArgumentException("an unknown time has no amount");
        }
    }

    public static StandardTime minutes(int minutes, String text) {
        return new StandardTime(minutes, TimeUnit.WORKING_MINUTES, text);
    }

    public static StandardTime unknown(String text) {
        return new StandardTime(0, TimeUnit.UNKNOWN, text);
    }

    /**
     * Reads a time as SOP tables print it: "30 menit", "1.320 menit", "2 jam", "3 hari", "1 bulan".
     * Hours become working minutes; a week becomes five working days.
     *
     * @return empty when the text is not such a time
     */
    public static Optional<StandardTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PRINTED.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int amount;
        try {
            amount = Integer.parseInt(m.group(1).replace(".", "").replace(",", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        String printed = text.strip();
        if (unit.startsWith("menit") || unit.equals("mnt")) {
            return Optional.of(new StandardTime(amount, TimeUnit.WORKING_MINUTES, printed));
        } else if (unit.equals("jam")) {
            // Hours and weeks are multiplied: past Integer.MAX_VALUE the text is no time Sopan can count.
            return multiplied(amount, 60).map(v -> new StandardTime(v, TimeUnit.WORKING_MINUTES, printed));
        } else if (unit.startsWith("hari")) {
            return Optional.of(new StandardTime(amount, TimeUnit.WORKING_DAYS, printed));
        } else if (unit.equals("minggu")) {
            return multiplied(amount, 5).map(v -> new StandardTime(v, TimeUnit.WORKING_DAYS, printed));
        } else {
            return Optional.of(new StandardTime(amount, TimeUnit.CALENDAR_MONTHS, printed));
        }
    }

    private static Optional<Integer> multiplied(int amount, int by) {
        try {
            return Optional.of(Math.multiplyExact(amount, by));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Whether the amount is within {@link #MAX_MINUTES}, {@link #MAX_DAYS} or {@link #MAX_MONTHS} for its unit. */
    public boolean isWithinLimits() {
        return switch (unit) {
            case WORKING_MINUTES -> amount <= MAX_MINUTES;
            case WORKING_DAYS -> amount <= MAX_DAYS;
            case CALENDAR_MONTHS -> amount <= MAX_MONTHS;
            case UNKNOWN -> true;
        };
    }

    /** The limit of this time's unit, for messages. */
    public int limit() {
        return switch (unit) {
            case WORKING_MINUTES -> MAX_MINUTES;
            case WORKING_DAYS -> MAX_DAYS;
            case CALENDAR_MONTHS -> MAX_MONTHS;
            case UNKNOWN -> 0;
        };
    }

    /** Whether the text looks like a time at all (used to find the Waktu cell of a shifted row). */
    public static boolean looksLikeTime(String text) {
        return parse(text).isPresent();
    }

    /** Working minutes, when this time is counted in minutes. */
    public OptionalInt workingMinutes() {
        return unit == TimeUnit.WORKING_MINUTES ? OptionalInt.of(amount) : OptionalInt.empty();
    }

    public boolean isKnown() {
        return unit != TimeUnit.UNKNOWN;
    }

    /** The text to show: as printed, or made from amount and unit. */
    public String display() {
        if (text != null && !text.isBlank()) {
            return text;
        }
        return switch (unit) {
            case WORKING_MINUTES -> amount + " menit";
            case WORKING_DAYS -> amount + " hari kerja";
            case CALENDAR_MONTHS -> amount + " bulan";
            case UNKNOWN -> "";
        };
    }
}
