package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.catalog.CatalogService;
import id.sopan.documents.ReportCsv;
import id.sopan.documents.ReportXlsx;
import id.sopan.organization.AppUser;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.Criterion;
import id.sopan.reports.ReportHistory;
import id.sopan.reports.ReportTable;
import id.sopan.reports.ReportTables;
import id.sopan.reports.Verdict;
import id.sopan.security.Roles;
import id.sopan.sop.Messages;
import id.sopan.sop.SopDefinition;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the report pages share: the office, checking the year and semester of a path (a wrong one is a 404 page in
 * words, never a 500), the roles, names for codes and usernames, the downloads (CSV, XLSX) and the history lines.
 */
@Component
class ReportPages {

    /** A page that cannot be shown or a change that may not be made, worded by a messages key. */
    static final class PageProblem extends RuntimeException {
        final int status;
        final String key;
        final transient Object[] args;

        PageProblem(int status, String key, Object... args) {
            super(key + " " + Arrays.toString(args));
            this.status = status;
            this.key = key;
            this.args = args;
        }
    }

    /** One line of a form's history, as the page shows it. */
    record HistoryLine(Instant at, String who, String action, String sopCode, String detail) {
    }

    /** Reports are kept from 2000 on (as the forms' years). */
    static final int FIRST_YEAR = 2000;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONITORING_SAVED = Pattern.compile("(BAIK|TIDAK_BAIK)(?: \\(suggested (BAIK|TIDAK_BAIK)\\))?");
    private static final Pattern MONITORING_SIGNED = Pattern.compile("(\\d+) baik, (\\d+) tidak baik");
    private static final Pattern EVALUATION_SAVED = Pattern.compile("[YT-]{7}");
    private static final Pattern EVALUATION_SIGNED = Pattern.compile("(\\d+) SOP, (\\d+) recommendations");
    private static final Pattern SEMESTER_SAVED = Pattern.compile("(\\d+) characters, (\\d+) finance lines");

    private final String office;
    private final Clock clock;
    private final CalendarService calendars;
    private final OrganizationService organization;
    private final CatalogService catalog;
    private final MessageSource messages;

    ReportPages(@Value("${sopan.default-office:DKUKM}") String office, Clock clock, CalendarService calendars,
                OrganizationService organization, CatalogService catalog, MessageSource messages) {
        this.office = office;
        this.clock = clock;
        this.calendars = calendars;
        this.organization = organization;
        this.catalog = catalog;
        this.messages = messages;
    }

    String office() {
        return office;
    }

    ZoneId zone() {
        return calendars.calendarFor(office).zone();
    }

    ZonedDateTime now() {
        return clock.instant().atZone(zone());
    }

    int currentYear() {
        return now().getYear();
    }

    /** A year of the path: four digits, from 2000 to this year. */
    int year(String text) {
        int current = currentYear();
        if (text == null || !YEAR.matcher(text).matches()
                || Integer.parseInt(text) < FIRST_YEAR || Integer.parseInt(text) > current) {
            throw new PageProblem(404, "ui.report.error.year", text == null ? "" : abbreviated(text), FIRST_YEAR,
                    current);
        }
        return Integer.parseInt(text);
    }

    /** A semester of the path: 1 (January–June) or 2 (July–December). */
    int half(String text) {
        if (!"1".equals(text) && !"2".equals(text)) {
            throw new PageProblem(404, "ui.report.error.half", text == null ? "" : abbreviated(text));
        }
        return Integer.parseInt(text);
    }

    static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    static boolean has(Authentication user, String... roles) {
        List<String> wanted = List.of(roles);
        return user != null && user.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }

    static boolean evaluatorOrKepala(Authentication user) {
        return has(user, Roles.EVALUATOR, Roles.KEPALA);
    }

    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    ReportTables tables(Locale locale) {
        return new ReportTables(Messages.forLocale(locale), zone());
    }

    MessageSource messagesSource() {
        return messages;
    }

    String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** "Full Name" for a username (the username itself when unknown). */
    Function<String, String> fullNames() {
        Map<String, String> names = organization.users(office).stream()
                .collect(Collectors.toMap(AppUser::username, AppUser::fullName, (a, b) -> a));
        return username -> username == null ? null : names.getOrDefault(username, username);
    }

    Function<String, String> jabatanNames() {
        Map<String, String> names = organization.jabatan(office).stream()
                .collect(Collectors.toMap(Jabatan::code, Jabatan::name, (a, b) -> a));
        return code -> names.getOrDefault(code, code);
    }

    Function<String, String> sopTitles() {
        Map<String, String> titles = catalog.allBerlaku(office).stream()
                .collect(Collectors.toMap(SopDefinition::code, SopDefinition::title, (a, b) -> a));
        return code -> titles.computeIfAbsent(code,
                c -> catalog.findCurrent(office, c).map(SopDefinition::title).orElse(c));
    }

    /** The download named by {@code file} ({@code NAME.csv} or {@code NAME.xlsx}) of one of the tables. */
    ResponseEntity<byte[]> download(String file, Map<String, Supplier<ReportTable>> tables) {
        int dot = file == null ? -1 : file.lastIndexOf('.');
        String name = dot < 0 ? "" : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        Supplier<ReportTable> table = tables.get(name);
        if (table == null || !("csv".equals(format) || "xlsx".equals(format))) {
            throw new PageProblem(404, "ui.report.error.noSuchFile", file == null ? "" : abbreviated(file));
        }
        ReportTable t = table.get();
        return "csv".equals(format)
                ? file(ReportCsv.write(t), ReportCsv.CONTENT_TYPE, t.name() + ".csv")
                : file(ReportXlsx.write(t), ReportXlsx.CONTENT_TYPE, t.name() + ".xlsx");
    }

    ResponseEntity<byte[]> workbook(String fileName, List<ReportTable> tables) {
        return file(ReportXlsx.write(tables), ReportXlsx.CONTENT_TYPE, fileName + ".xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String contentType, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    /** The history in words; a detail the page does not know how to word is shown as stored. */
    List<HistoryLine> history(List<ReportHistory> history, Locale locale) {
        Function<String, String> names = fullNames();
        return history.stream().map(h -> new HistoryLine(h.at(), names.apply(h.username()) + " (" + h.username() + ")",
                message(locale, "ui.report.history.action." + h.action()), h.sopCode(), detail(h, locale))).toList();
    }

    private String detail(ReportHistory h, Locale locale) {
        String d = h.detail() == null ? "" : h.detail();
        Matcher m;
        if ((m = MONITORING_SAVED.matcher(d)).matches()) {
            String verdict = message(locale, Verdict.valueOf(m.group(1)).key());
            return m.group(2) == null ? verdict : message(locale, "ui.report.history.otherThanSuggested", verdict,
                    message(locale, Verdict.valueOf(m.group(2)).key()));
        }
        if ((m = MONITORING_SIGNED.matcher(d)).matches()) {
            return message(locale, "ui.report.history.monitoringSigned", Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)));
        }
        if (EVALUATION_SAVED.matcher(d).matches()) {
            StringBuilder text = new StringBuilder();
            for (Criterion c : Criterion.values()) {
                char a = d.charAt(c.ordinal());
                text.append(text.isEmpty() ? "" : ", ").append(c.number()).append(": ").append(message(locale,
                        a == 'Y' ? "report.answer.yes" : a == 'T' ? "report.answer.no" : "report.answer.none"));
            }
            return message(locale, "ui.report.history.criteria", text.toString());
        }
        if ((m = EVALUATION_SIGNED.matcher(d)).matches()) {
            return message(locale, "ui.report.history.evaluationSigned", Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)));
        }
        if ((m = SEMESTER_SAVED.matcher(d)).matches()) {
            return message(locale, "ui.report.history.semesterSaved", Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)));
        }
        return d;
    }
}
