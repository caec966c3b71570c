package id.sopan.web;

import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks and parsing of one submitted form: each failure is kept by field name, worded in the user's
 * language, so the page shows it next to its field (never an error page) while keeping every value entered.
 */
final class Form {

    /** The longest note or reason a case's history keeps (as the API). */
    static final int MAX_NOTE = 2000;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** A whole number in ASCII digits, as typed or sent by a number field. */
    static final Pattern ASCII_INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern CONTROL_EXCEPT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> errors = new LinkedHashMap<>();

    Form(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** For the request being handled, in its language. */
    Form(MessageSource messages) {
        this(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** Records the first problem of a field. */
    void reject(String field, String key, Object... args) {
        errors.putIfAbsent(field, messages.getMessage(key, args, key, locale));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    Map<String, String> errors() {
        return errors;
    }

    /** A one-line text: stripped, null when blank; too long, or with control characters, is rejected. */
    String line(String field, String value, int maxLength, boolean required) {
        return text(field, value, maxLength, required, CONTROL);
    }

    /** A text of several lines (a note): line breaks and tabs are fine, other control characters are not. */
    String lines(String field, String value, int maxLength, boolean required) {
        return text(field, value, maxLength, required, CONTROL_EXCEPT_LINES);
    }

    private String text(String field, String value, int maxLength, boolean required, Pattern forbidden) {
        if (value == null || value.isBlank()) {
            if (required) {
                reject(field, "ui.form.required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            reject(field, "ui.form.tooLongEntered", String.valueOf(maxLength), String.valueOf(stripped.length()));
            return null;
        }
        if (forbidden.matcher(stripped).find()) {
            reject(field, "ui.form.control");
            return null;
        }
        return stripped;
    }

    /** A required date in ISO form (what {@code <input type="date">} sends), or null with an error. */
    LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            reject(field, "ui.form.required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            reject(field, "ui.form.badDate");
            return null;
        }
    }

    /** A required whole number within bounds, or null with an error. */
    Integer integer(String field, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            reject(field, "ui.form.required");
            return null;
        }
        if (!ASCII_INTEGER.matcher(text.strip()).matches()) {
            // Integer.parseInt would read other scripts' digits ("١٢٣"): only what the field's keyboard hint shows.
            reject(field, "ui.form.badNumber");
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                reject(field, "ui.form.range", min, max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            reject(field, "ui.form.badNumber");
            return null;
        }
    }

    /** A required text of at most {@code max} characters (stripped), or null with an error. */
    String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            reject(field, "ui.form.required");
            return null;
        }
        return optionalText(field, text, max);
    }

    /** An optional text of at most {@code max} characters (stripped; blank is null). */
    String optionalText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            reject(field, "ui.form.tooLong", max);
            return null;
        }
        if (CONTROL_EXCEPT_LINES.matcher(value).find()) {
            reject(field, "ui.form.control");
            return null;
        }
        return value;
    }

    /** A required constant of an enumeration, or null with an error. */
    <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            reject(field, "ui.form.required");
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            reject(field, "ui.form.badChoice");
            return null;
        }
    }

    /** Parses a whole number, or null: for hidden fields whose garbage only a crafted request sends. */
    static Integer parseIntOrNull(String text) {
        if (text == null || !ASCII_INTEGER.matcher(text.strip()).matches()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
