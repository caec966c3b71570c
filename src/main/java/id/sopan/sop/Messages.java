package id.sopan.sop;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts for problems and command output from the {@code messages} bundle (the same files the web app
 * reads): Bahasa Indonesia by default, English with {@code en}.
 */
public final class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's locale: an English machine must still print Indonesian by default.
        this.bundle = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(locale == null ? INDONESIAN : locale);
    }

    public static Messages forLanguage(String tag) {
        return forLocale(tag == null || tag.isBlank() ? INDONESIAN : Locale.forLanguageTag(tag));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + (args.length == 0 ? "" : " " + java.util.Arrays.toString(args));
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** "FILE:LINE: SOP UMM-06, langkah 3, Waktu: message". */
    public String render(Problem problem) {
        Problem.Location at = problem.location();
        List<String> where = new ArrayList<>();
        if (at.sop() != null) {
            where.add(get("problem.where.sop", at.sop()));
        }
        if (at.step() != null) {
            where.add(get("problem.where.step", at.step()));
        }
        if (at.field() != null) {
            where.add(get("field." + at.field()));
        }
        StringBuilder text = new StringBuilder();
        if (at.file() != null) {
            text.append(at.file());
            if (at.line() != null) {
                text.append(':').append(at.line());
            }
            text.append(": ");
        } else if (at.line() != null) {
            text.append(get("problem.where.line", at.line())).append(": ");
        }
        if (!where.isEmpty()) {
            text.append(String.join(", ", where)).append(": ");
        }
        text.append(get(problem.key(), problem.args().toArray()));
        if (!problem.isError()) {
            text.insert(0, get("problem.warning") + " ");
        }
        return text.toString();
    }
}
