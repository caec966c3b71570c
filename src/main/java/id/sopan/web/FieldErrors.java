package id.sopan.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of one submitted form, by field, already worded in the user's language; and the parsing of the
 * form's text values, which turns bad input into an error next to its field instead of an error page.
 */
final class FieldErrors {

    private final MessageSource messages;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FieldErrors(MessageSource messages) {
        this.messages = messages;
    }

    void add(String field, String key, Object... args) {
        errors.putIfAbsent(field, messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
    }

    boolean any() {
        return !errors.isEmpty();
    }

    Map<String, String> map() {
        return errors;
    }

    /** A required date in ISO form (what {@code <input type="date">} sends), or null with an error. */
    LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            add(field, "ui.form.required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            add(field, "ui.form.badDate");
            return null;
        }
    }

    /** A required whole number within bounds, or null with an error. */
    Integer integer(String field, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            add(field, "ui.form.required");
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                add(field, "ui.form.range", min, max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            add(field, "ui.form.badNumber");
            return null;
        }
    }

    /** A required text of at most {@code max} characters (stripped), or null with an error. */
    String text(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            add(field, "ui.form.required");
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
            add(field, "ui.form.tooLong", max);
            return null;
        }
        return value;
    }

    /** A required constant of an enumeration, or null with an error. */
    <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            add(field, "ui.form.required");
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            add(field, "ui.form.badChoice");
            return null;
        }
    }

    /** Parses a whole number, or null: for hidden fields whose garbage only a crafted request sends. */
    static Integer parseIntOrNull(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
