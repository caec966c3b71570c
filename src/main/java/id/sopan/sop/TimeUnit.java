package id.sopan.sop;

/**
 * Units of a step's Waktu. They are kept apart on purpose: a working day is not a fixed number of
 * minutes for every office, and a calendar month is not a number of working minutes at all.
 */
public enum TimeUnit {
    WORKING_MINUTES,
    WORKING_DAYS,
    CALENDAR_MONTHS,
    /** The source gives no usable time; a note says why. */
    UNKNOWN
}
