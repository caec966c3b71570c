package id.sopan.web;

import id.sopan.organization.InvalidInputException;
import id.sopan.reports.FormChangeException;
import id.sopan.reports.ReportTable;
import id.sopan.reports.ReportCharts;
import id.sopan.sop.Messages;
import id.sopan.reports.ReportTables;
import id.sopan.reports.SemesterInput;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.SemesterReportService;
import id.sopan.reports.Verdict;
import id.sopan.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The six-monthly report (Perbup Pasal 11) at {@code /laporan/semester/{year}/{half}}: what the Dinas enters, b. Rencana
 * Kerja and e. Laporan Keuangan (lines added and removed on the page, amounts typed the Indonesian way), saved with the
 * version by the Kepala or an administrator; a summary of a. Gambaran Umum, c. Organisasi and d. Kinerja Pelayanan
 * with links to their pages; the PDF of the whole report; the history.
 */
@Controller
class SemesterController {

    /** One finance line as its fields show it: the texts as typed (amounts the Indonesian way). */
    record LineView(int no, String uraian, String anggaran, String realisasi, String keterangan) {
    }

    static final String[] LINE_FIELDS = {"uraian", "anggaran", "realisasi", "keterangan"};

    private final ReportPages pages;
    private final SemesterReportService semesters;
    private final WebFormat format;

    SemesterController(ReportPages pages, SemesterReportService semesters, WebFormat format) {
        this.pages = pages;
        this.semesters = semesters;
        this.format = format;
    }

    @GetMapping("/laporan/semester/{year}/{half}")
    String page(@PathVariable String year, @PathVariable String half, Authentication user,
                HttpServletRequest request, Model model) {
        int y = pages.year(year);
        int h = pages.half(half);
        SemesterReport report = semesters.report(pages.office(), y, h);
        SemesterInput input = report.input();
        List<LineView> lines = new ArrayList<>();
        for (SemesterInput.FinanceLine l : input.finance()) {
            lines.add(new LineView(lines.size() + 1, l.uraian(), format.rupiah(l.anggaran()),
                    format.rupiah(l.realisasi()), l.keterangan()));
        }
        return render(report, input.rencanaKerja(), lines, input.version(), Map.of(), List.of(), user,
                RequestContextUtils.getLocale(request), model);
    }

    @PostMapping("/laporan/semester/{year}/{half}")
    String save(@PathVariable String year, @PathVariable String half,
                @RequestParam(name = "rencanaKerja", required = false) String rencanaKerja,
                @RequestParam(name = "version", required = false) String versionText,
                @RequestParam(name = "aksi", required = false) String action, Authentication user,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        int y = pages.year(year);
        int h = pages.half(half);
        if (!mayEdit(user)) {
            throw new ReportPages.PageProblem(403, "ui.report.error.semesterForbidden");
        }
        Integer version = Form.parseIntOrNull(versionText);
        if (version == null) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }
        Locale locale = RequestContextUtils.getLocale(request);
        List<LineView> typed = typedLines(request);
        String text = rencanaKerja == null ? "" : rencanaKerja;

        // Adding or removing a line changes the page only; nothing is saved until "Simpan".
        if ("tambah".equals(action)) {
            if (typed.size() >= SemesterInput.MAX_LINES) {
                return rerender(y, h, text, typed, version, Map.of(), List.of(pages.message(locale,
                        "ui.report.semester.tooManyLines", SemesterInput.MAX_LINES)), 400, user, locale, response, model);
            }
            typed.add(new LineView(typed.size() + 1, "", "", "", ""));
            model.addAttribute("info", pages.message(locale, "ui.report.semester.lineAdded"));
            return rerender(y, h, text, typed, version, Map.of(), List.of(), 200, user, locale, response, model);
        }
        if (action != null && action.startsWith("hapus-")) {
            Integer no = Form.parseIntOrNull(action.substring("hapus-".length()));
            if (no == null || no < 1 || no > typed.size()) {
                throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
            }
            typed.remove(no - 1);
            List<LineView> renumbered = new ArrayList<>();
            for (LineView l : typed) {
                renumbered.add(new LineView(renumbered.size() + 1, l.uraian(), l.anggaran(), l.realisasi(),
                        l.keterangan()));
            }
            model.addAttribute("info", pages.message(locale, "ui.report.semester.lineRemoved", no));
            return rerender(y, h, text, renumbered, version, Map.of(), List.of(), 200, user, locale, response, model);
        }
        if (action != null && !"simpan".equals(action)) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }

        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Form check = new Form(pages.messagesSource(), locale);
        String plan = check.lines("rencanaKerja", text, SemesterInput.MAX_TEXT, false);
        errors.putAll(check.errors());
        problems.addAll(check.errors().values().stream()
                .map(m -> pages.message(locale, "ui.report.semester.rencanaKerja") + ": " + m).toList());
        // Lines left entirely empty are not lines.
        List<LineView> filled = typed.stream().filter(l -> !(l.uraian().isBlank() && l.anggaran().isBlank()
                && l.realisasi().isBlank() && l.keterangan().isBlank())).toList();
        if (filled.size() > SemesterInput.MAX_LINES) {
            problems.add(pages.message(locale, "ui.report.semester.tooManyLines", SemesterInput.MAX_LINES));
        }
        List<SemesterInput.FinanceLine> lines = new ArrayList<>();
        for (LineView l : filled) {
            String uraian = lineText(l, "uraian", l.uraian(), true, errors, problems, locale);
            BigDecimal anggaran = amount(l, "anggaran", l.anggaran(), errors, problems, locale);
            BigDecimal realisasi = amount(l, "realisasi", l.realisasi(), errors, problems, locale);
            String keterangan = lineText(l, "keterangan", l.keterangan(), false, errors, problems, locale);
            lines.add(new SemesterInput.FinanceLine(uraian, anggaran, realisasi, keterangan));
        }
        if (!problems.isEmpty()) {
            return rerender(y, h, text, typed, version, errors, problems, 400, user, locale, response, model);
        }
        try {
            semesters.saveInput(pages.office(), y, h, plan, lines, version, user.getName());
            redirect.addFlashAttribute("flash", pages.message(locale, "ui.report.semester.saved"));
            return "redirect:/laporan/semester/" + y + "/" + h;
        } catch (FormChangeException e) {
            SemesterInput now = semesters.input(pages.office(), y, h);
            String message = now.updatedBy() == null ? pages.message(locale, e.key(), e.args())
                    : pages.message(locale, "ui.report.semester.conflict", pages.fullNames().apply(now.updatedBy()),
                    format.wib(now.updatedAt()));
            // The current version, so that saving again replaces it knowingly; what was typed stays.
            return rerender(y, h, text, typed, now.version(), Map.of(), List.of(message), 409, user, locale, response,
                    model);
        } catch (InvalidInputException e) {
            return rerender(y, h, text, typed, version, Map.of(), List.of(pages.message(locale,
                    "ui.report.error.invalid") + " (" + e.field() + ")"), 400, user, locale, response, model);
        }
    }

    @GetMapping("/laporan/semester/{year}/{half}/{file}")
    ResponseEntity<byte[]> download(@PathVariable String year, @PathVariable String half, @PathVariable String file,
                                    HttpServletRequest request) {
        int y = pages.year(year);
        int h = pages.half(half);
        String office = pages.office();
        ReportTables words = pages.tables(RequestContextUtils.getLocale(request));
        if ("semua.xlsx".equals(file)) {
            SemesterReport report = semesters.report(office, y, h);
            ReportTables.Months months = ReportTables.Months.half(y, h);
            return pages.workbook(office + "-laporan-semester-" + y + "-" + h, List.of(
                    words.monthly(office, report.months()),
                    words.bySop(report.metrics(), months, pages.sopTitles()),
                    words.byJabatan(report.metrics(), months, pages.jabatanNames()),
                    words.byEmployee(report.metrics(), months, pages.fullNames()),
                    words.monitoring(report.monitoring(), pages.fullNames()),
                    words.finance(office, y, h, report.input())));
        }
        Map<String, Supplier<ReportTable>> tables = new LinkedHashMap<>();
        tables.put("keuangan", () -> words.finance(office, y, h, semesters.input(office, y, h)));
        return pages.download(file, tables);
    }

    private String rerender(int year, int half, String text, List<LineView> lines, int version,
                            Map<String, String> errors, List<String> problems, int status, Authentication user,
                            Locale locale, HttpServletResponse response, Model model) {
        response.setStatus(status);
        return render(semesters.report(pages.office(), year, half), text, lines, version, errors, problems, user,
                locale, model);
    }

    private String render(SemesterReport report, String rencanaKerja, List<LineView> lines, int version,
                          Map<String, String> errors, List<String> problems, Authentication user, Locale locale,
                          Model model) {
        ReportTables words = pages.tables(locale);
        model.addAttribute("report", report);
        model.addAttribute("semester", words.semester(report.year(), report.half()));
        model.addAttribute("months", ReportTables.Months.half(report.year(), report.half()));
        model.addAttribute("monthly", words.monthly(report.office().code(), report.months()));
        // The saved lines and their sums (what the PDF prints), below the fields being edited.
        model.addAttribute("finance", words.finance(report.office().code(), report.year(), report.half(),
                report.input()));
        model.addAttribute("started", report.months().stream().mapToLong(m -> m.casesStarted()).sum());
        model.addAttribute("finished", report.months().stream().mapToLong(m -> m.casesFinished()).sum());
        model.addAttribute("holders", report.holders().values().stream().mapToLong(Long::longValue).sum());
        Messages texts = Messages.forLocale(locale);
        model.addAttribute("casesChart", ReportCharts.monthlyCases(report.months(), texts));
        model.addAttribute("verdictsChart", ReportCharts.verdicts(report.monitoring(), texts));
        model.addAttribute("baik", report.monitoring().count(Verdict.BAIK));
        model.addAttribute("tidakBaik", report.monitoring().count(Verdict.TIDAK_BAIK));
        model.addAttribute("updatedByName", pages.fullNames().apply(report.input().updatedBy()));
        model.addAttribute("canEdit", mayEdit(user));
        model.addAttribute("rencanaKerja", rencanaKerja);
        model.addAttribute("lines", lines.isEmpty() && mayEdit(user)
                ? List.of(new LineView(1, "", "", "", "")) : lines);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("base", "/laporan/semester/" + report.year() + "/" + report.half());
        model.addAttribute("history", pages.history(semesters.history(pages.office(), report.year(), report.half()),
                locale));
        return "reports/semester";
    }

    /** The lines as posted: the i-th value of each field makes line i. */
    private static List<LineView> typedLines(HttpServletRequest request) {
        String[][] values = new String[LINE_FIELDS.length][];
        int count = 0;
        for (int f = 0; f < LINE_FIELDS.length; f++) {
            values[f] = request.getParameterValues(LINE_FIELDS[f]);
            if (values[f] == null) {
                values[f] = new String[0];
            }
            count = Math.max(count, values[f].length);
        }
        // A crafted post with thousands of lines is cut short (the limit is checked on the filled ones).
        count = Math.min(count, SemesterInput.MAX_LINES + 1);
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new LineView(i + 1, at(values[0], i), at(values[1], i), at(values[2], i), at(values[3], i)));
        }
        return lines;
    }

    private static String at(String[] values, int i) {
        return i < values.length && values[i] != null ? values[i] : "";
    }

    /** A text of a line, or null with its problem: short at the field, naming the line and field in the list. */
    private String lineText(LineView l, String field, String value, boolean required, Map<String, String> errors,
                            List<String> problems, Locale locale) {
        String stripped = value.strip();
        String problem = null;
        if (stripped.isEmpty() && required) {
            problem = pages.message(locale, "ui.form.required");
        } else if (stripped.length() > SemesterInput.MAX_LINE_TEXT) {
            problem = pages.message(locale, "ui.form.tooLongEntered", String.valueOf(SemesterInput.MAX_LINE_TEXT),
                    String.valueOf(stripped.length()));
        } else if (stripped.chars().anyMatch(Character::isISOControl)) {
            problem = pages.message(locale, "ui.form.control");
        }
        return problem == null ? stripped : reject(l, field, problem, errors, problems, locale);
    }

    private BigDecimal amount(LineView l, String field, String text, Map<String, String> errors,
                              List<String> problems, Locale locale) {
        BigDecimal value = RupiahParser.parse(text);
        String problem = null;
        if (text.isBlank()) {
            problem = pages.message(locale, "ui.form.required");
        } else if (value == null) {
            problem = pages.message(locale, "ui.report.semester.badAmount", ReportPages.abbreviated(text.strip()));
        } else if (value.compareTo(SemesterInput.MAX_AMOUNT) > 0) {
            problem = pages.message(locale, "ui.report.semester.amountTooLarge", format.rupiah(SemesterInput.MAX_AMOUNT));
        }
        if (problem != null) {
            reject(l, field, problem, errors, problems, locale);
            return null;
        }
        return value;
    }

    private <T> T reject(LineView l, String field, String problem, Map<String, String> errors, List<String> problems,
                         Locale locale) {
        errors.put(field + "-" + l.no(), problem);
        problems.add(pages.message(locale, "ui.report.semester.lineProblem", l.no(),
                pages.message(locale, "report.column." + field), problem));
        return null;
    }

    private static boolean mayEdit(Authentication user) {
        return ReportPages.has(user, Roles.KEPALA, Roles.ADMIN);
    }
}
