package id.sopan.reports;

import id.sopan.organization.InvalidInputException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** The checks of what evaluators type, as the service's last line of defence (the pages check first, in words). */
final class ReportInput {

    static final int MAX_NOTE = 2000;

    private static final Pattern CONTROL_EXCEPT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private ReportInput() {
    }

    /** Stripped text, empty when blank; too long or with control characters is refused naming the field. */
    static String text(String field, String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidInputException(field, "longer than " + maxLength + " characters");
        }
        if (CONTROL_EXCEPT_LINES.matcher(stripped).find()) {
            throw new InvalidInputException(field, "holds control characters");
        }
        return stripped;
    }

    static void half(int half) {
        if (half != 1 && half != 2) {
            throw new InvalidInputException("half", "must be 1 or 2, not " + half);
        }
    }

    /** The office's id, once the year is checked: from 2000 to the current year. */
    static long office(ReportFormRepository forms, String officeCode, int year, Clock clock) {
        int currentYear = clock.instant().atZone(ZoneId.of("Asia/Jakarta")).getYear();
        if (year < 2000 || year > currentYear) {
            throw new InvalidInputException("year", "must be between 2000 and " + currentYear + ", not " + year);
        }
        return forms.officeId(officeCode).orElseThrow(() -> new InvalidInputException("office", "no office " + officeCode));
    }
}
