package id.sopan.sop;

import java.util.ArrayList;
import java.util.List;

/**
 * A sum of standard times, kept per unit (minutes, working days and months do not add up to one number).
 *
 * @param unknownSteps how many steps had no known time
 */
public record TotalTime(int workingMinutes, int workingDays, int calendarMonths, int unknownSteps) {

    public static TotalTime of(List<StandardTime> times) {
        int minutes = 0;
        int days = 0;
        int months = 0;
        int unknown = 0;
        for (StandardTime t : times) {
            switch (t.unit()) {
                case WORKING_MINUTES -> minutes += t.amount();
                case WORKING_DAYS -> days += t.amount();
                case CALENDAR_MONTHS -> months += t.amount();
                case UNKNOWN -> unknown++;
            }
        }
        return new TotalTime(minutes, days, months, unknown);
    }

    /** "1.320 menit + 1 bulan", in the office's way of writing. */
    public String display() {
        List<String> parts = new ArrayList<>();
        if (workingMinutes > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "%,d", workingMinutes).replace(',', '.') + " menit");
        }
        if (workingDays > 0) {
            parts.add(workingDays + " hari kerja");
        }
        if (calendarMonths > 0) {
            parts.add(calendarMonths + " bulan");
        }
        return parts.isEmpty() ? "-" : String.join(" + ", parts);
    }
}
