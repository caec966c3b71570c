package id.sopan.calendar;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One year of holidays as a data file ({@code calendar/holidays-YYYY.yaml}) states them: the national holidays and
 * cuti bersama of the SKB 3 Menteri. The files only seed the database; at run time the stored holidays count.
 *
 * @param year      the year every date belongs to
 * @param source    the decree the file follows
 * @param holidays  the dates, ordered
 * @param uncertain the dates the file marks {@code uncertain: true} (estimates to check against the decree)
 */
record HolidayFile(int year, String source, List<Holiday> holidays, List<LocalDate> uncertain) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    HolidayFile {
        holidays = List.copyOf(holidays);
        uncertain = List.copyOf(uncertain);
    }

    /** The file's layout. */
    record Data(Integer year, String source, List<Entry> holidays) {
    }

    /** One holiday in the file; {@code note} is for the reader of the file only. */
    record Entry(String date, String name, String kind, Boolean uncertain, String note) {
    }

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException naming the file and the entry when something is wrong
     */
    static HolidayFile read(String fileName, String text) {
        Data data;
        try {
            data = YAML.readValue(text, Data.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(fileName + ": not a holiday file: " + e.getOriginalMessage(), e);
        }
        if (data == null || data.year() == null) {
            throw new IllegalArgumentException(fileName + ": year is missing");
        }
        if (data.source() == null || data.source().isBlank()) {
            throw new IllegalArgumentException(fileName + ": source (the decree the dates follow) is missing");
        }
        int year = data.year();
        List<Holiday> holidays = new ArrayList<>();
        List<LocalDate> uncertain = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        List<Entry> entries = data.holidays() == null ? List.of() : data.holidays();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = fileName + ", holiday " + (i + 1);
            LocalDate date;
            try {
                date = LocalDate.parse(String.valueOf(e.date()));
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException(where + ": date \"" + e.date() + "\" is not YYYY-MM-DD", ex);
            }
            if (date.getYear() != year) {
                throw new IllegalArgumentException(where + ": " + date + " is not in " + year);
            }
            if (!seen.add(date)) {
                throw new IllegalArgumentException(where + ": " + date + " is listed twice");
            }
            Holiday.Kind kind;
            try {
                kind = Holiday.Kind.valueOf(String.valueOf(e.kind()).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": kind \"" + e.kind() + "\" is not one of "
                        + List.of(Holiday.Kind.values()), ex);
            }
            try {
                holidays.add(new Holiday(date, e.name(), kind));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
            }
            if (Boolean.TRUE.equals(e.uncertain())) {
                uncertain.add(date);
            }
        }
        holidays.sort((a, b) -> a.date().compareTo(b.date()));
        uncertain.sort(null);
        return new HolidayFile(year, data.source().strip(), holidays, uncertain);
    }
}
