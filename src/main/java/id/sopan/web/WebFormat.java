package id.sopan.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the pages show them, in WIB (the office's zone): {@code ${@fmt.wib(t)}} in a template. */
@Component("fmt")
public class WebFormat {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** "02-03-2026 08:00 WIB"; "-" for none. */
    public String wib(Instant moment) {
        return moment == null ? "-" : MOMENT.format(moment.atZone(WIB)) + " WIB";
    }

    /** "2 Maret 2026" / "2 March 2026" in the page's language; "-" for none. */
    public String day(Instant moment) {
        Locale locale = LocaleContextHolder.getLocale();
        return moment == null ? "-" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(moment.atZone(WIB));
    }

    /** A file size: "12 KB", "3.4 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
