package id.sopan.web;

import org.springframework.context.MessageSource;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of one submitted form: each failure is kept by field name, worded in the user's language, so the
 * page can show it next to its field while keeping every value that was entered.
 */
final class Form {

    /** The longest note or reason a case's history keeps (as the API). */
    static final int MAX_NOTE = 2000;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CONTROL_EXCEPT_LINES = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> errors = new LinkedHashMap<>();

    Form(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Records the first problem of a field. */
    void reject(String field, String key, Object... args) {
        errors.putIfAbsent(field, messages.getMessage(key, args, locale));
    }

    boolean ok() {
        return errors.isEmpty();
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
}
