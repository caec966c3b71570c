package id.sopan.web;

import id.sopan.reports.ReportCharts;
import id.sopan.reports.ReportMetrics;
import id.sopan.reports.ReportOverview;
import id.sopan.reports.ReportTable;
import id.sopan.reports.ReportTables;
import id.sopan.reports.ReportTables.Months;
import id.sopan.sop.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The reports' index ({@code /laporan}: the periods with data and the forms' state) and the figures of a span of
 * months ({@code /laporan/kinerja?dari=2026-01&sampai=2026-06}, the current semester by default) per SOP, per
 * jabatan, per employee and per month, each downloadable as CSV and XLSX, all four in one workbook.
 */
@Controller
class ReportController {

    /** The longest span of the figures page (each month is a few more groups in the queries). */
    static final int MAX_MONTHS = 24;
    static final List<String> TABLES = List.of("sop", "jabatan", "pegawai", "bulanan");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** One figures table of the page with its anchor. */
    record Section(String id, ReportTable table) {
    }

    private final ReportPages pages;
    private final ReportMetrics metrics;
    private final ReportOverview overview;

    ReportController(ReportPages pages, ReportMetrics metrics, ReportOverview overview) {
        this.pages = pages;
        this.metrics = metrics;
        this.overview = overview;
    }

    @GetMapping("/laporan")
    String index(Model model) {
        model.addAttribute("overview", overview.overview(pages.office()));
        return "reports/index";
    }

    @GetMapping("/laporan/kinerja")
    String figures(@RequestParam(name = "dari", required = false) String from,
                   @RequestParam(name = "sampai", required = false) String to,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        Form form = new Form(pages.messagesSource(), locale);
        Months months = months(from, to, form);
        if (form.hasErrors()) {
            response.setStatus(400);
        }
        ReportTables words = pages.tables(locale);
        Supplier<ReportMetrics.Report> figures = figures(months);
        Map<String, Supplier<ReportTable>> tables = tables(months, words, figures);
        model.addAttribute("sections", tables.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue().get())).toList());
        // The same SVG charts as the six-monthly report's PDF.
        Messages texts = Messages.forLocale(locale);
        Function<String, String> jabatan = pages.jabatanNames();
        Map<String, String> jabatanNames = new HashMap<>();
        figures.get().byJabatan().forEach(w -> jabatanNames.put(w.key(), jabatan.apply(w.key())));
        model.addAttribute("charts", List.of(
                ReportCharts.monthlyCases(figures.get().months(), texts),
                ReportCharts.monthlyOnTime(figures.get().months(), texts),
                ReportCharts.durations(figures.get().bySop(), texts),
                ReportCharts.jabatanTasks(figures.get().byJabatan(), jabatanNames, 12, texts)));
        model.addAttribute("months", months);
        model.addAttribute("label", words.label(months));
        // What was typed stays in the fields, also when it is wrong.
        model.addAttribute("dari", from == null || from.isBlank() ? months.first().toString() : from);
        model.addAttribute("sampai", to == null || to.isBlank() ? months.last().toString() : to);
        model.addAttribute("errors", form.errors());
        return "reports/figures";
    }

    @GetMapping("/laporan/kinerja/{file}")
    ResponseEntity<byte[]> download(@PathVariable String file,
                                    @RequestParam(name = "dari", required = false) String from,
                                    @RequestParam(name = "sampai", required = false) String to,
                                    HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        Form form = new Form(pages.messagesSource(), locale);
        Months months = months(from, to, form);
        if (form.hasErrors()) {
            throw new ReportPages.PageProblem(400, "ui.report.error.period",
                    String.join(" ", form.errors().values()));
        }
        Map<String, Supplier<ReportTable>> tables = tables(months, pages.tables(locale), figures(months));
        if ("semua.xlsx".equals(file)) {
            return pages.workbook(pages.office() + "-kinerja-" + months.fileName(),
                    tables.values().stream().map(Supplier::get).toList());
        }
        return pages.download(file, tables);
    }

    /** The span's figures, computed at their first use and then shared by the tables and the charts. */
    private Supplier<ReportMetrics.Report> figures(Months months) {
        String office = pages.office();
        return once(() -> metrics.report(office, metrics.months(office, months.first(), months.last())));
    }

    /** The four tables, each computed when asked (a download needs one). */
    private Map<String, Supplier<ReportTable>> tables(Months months, ReportTables words,
                                                   Supplier<ReportMetrics.Report> figures) {
        Map<String, Supplier<ReportTable>> tables = new LinkedHashMap<>();
        tables.put("sop", () -> words.bySop(figures.get(), months, pages.sopTitles()));
        tables.put("jabatan", () -> words.byJabatan(figures.get(), months, pages.jabatanNames()));
        tables.put("pegawai", () -> words.byEmployee(figures.get(), months, pages.fullNames()));
        tables.put("bulanan", () -> words.monthly(pages.office(), figures.get().months()));
        return tables;
    }

    /** Computes at the first call only: the page's four tables share one report, a download may need none. */
    static <T> Supplier<T> once(Supplier<T> compute) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = compute.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    /** The months asked for, or the current semester; each wrong field is recorded on the form. */
    private Months months(String from, String to, Form form) {
        YearMonth now = YearMonth.from(pages.now());
        Months semester = Months.half(now.getYear(), now.getMonthValue() <= 6 ? 1 : 2);
        YearMonth first = month("dari", from, form, semester.first());
        YearMonth last = month("sampai", to, form, semester.last());
        YearMonth earliest = YearMonth.of(ReportPages.FIRST_YEAR, 1);
        YearMonth latest = YearMonth.of(now.getYear(), 12);
        if (first.isBefore(earliest) || first.isAfter(latest)) {
            form.reject("dari", "ui.report.figures.outOfRange", earliest.toString(), latest.toString());
        }
        if (last.isBefore(earliest) || last.isAfter(latest)) {
            form.reject("sampai", "ui.report.figures.outOfRange", earliest.toString(), latest.toString());
        }
        if (form.ok() && last.isBefore(first)) {
            form.reject("sampai", "ui.report.figures.beforeFrom");
        }
        if (form.ok() && first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            form.reject("sampai", "ui.report.figures.tooLong", MAX_MONTHS);
        }
        return form.ok() ? new Months(first, last) : semester;
    }

    private static YearMonth month(String field, String text, Form form, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String t = text.strip();
        if (MONTH.matcher(t).matches()) {
            try {
                return YearMonth.parse(t);
            } catch (DateTimeParseException e) {
                // below
            }
        }
        form.reject(field, "ui.report.figures.badMonth");
        return otherwise;
    }
}
