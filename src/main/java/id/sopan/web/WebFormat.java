package id.sopan.web;

import id.sopan.reports.ReportTable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
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
        return wibOf(moment);
    }

    /** {@link #wib} for Java code that renders outside a template. */
    static String wibOf(Instant moment) {
        return moment == null ? "-" : MOMENT.format(moment.atZone(WIB)) + " WIB";
    }

    /** "2 Maret 2026" / "2 March 2026" in the page's language; "-" for none. */
    public String day(Instant moment) {
        Locale locale = LocaleContextHolder.getLocale();
        return moment == null ? "-" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(moment.atZone(WIB));
    }

    /** A share as a percentage in the page's language: "96,9%" / "96.9%"; "–" for none. */
    public String percent(Double share) {
        if (share == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A whole number with the page's grouping: "1.234" / "1,234"; "–" for none. */
    public String number(Number value) {
        return value == null ? "–" : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    /**
     * Rupiah the Indonesian way in every language, as they are typed too ({@link RupiahParser}):
     * "1.500.000.000", "700.000.000,50"; "" for none.
     */
    public String rupiah(BigDecimal amount) {
        return amount == null ? "" : RupiahParser.format(amount);
    }

    /** A cell of a report table as the page shows it: numbers in the page's language, "–" for none. */
    public String cell(Object value, ReportTable.Type type) {
        if (value == null) {
            return "–";
        }
        return switch (type) {
            case TEXT -> (String) value;
            case INTEGER, MINUTES -> number((Number) value);
            case PERCENT -> percent((Double) value);
            case RUPIAH -> rupiah((BigDecimal) value);
        };
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
