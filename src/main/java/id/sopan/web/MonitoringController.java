package id.sopan.web;

import id.sopan.organization.InvalidInputException;
import id.sopan.reports.FormChangeException;
import id.sopan.reports.MonitoringForm;
import id.sopan.reports.MonitoringService;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportTable;
import id.sopan.reports.ReportTables;
import id.sopan.reports.Verdict;
import id.sopan.security.Roles;
import id.sopan.sop.Messages;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The six-monthly monitoring form (PermenPAN-RB 35/2012, Tabel 7) at {@code /laporan/monitoring/{year}/{half}}: per SOP
 * the semester's figures and the verdict they suggest with its reason, beside the verdict, catatan and tindakan the
 * evaluator decides. Each row is saved on its own (htmx, or a plain post) with its version; the form is signed off
 * with the form's version and is read-only after. Evaluators and the Kepala change it; administrators read it.
 */
@Controller
class MonitoringController {

    /**
     * One row as the page shows it.
     *
     * @param verdict  what is in the radio buttons (stored, suggested while unsaved, or as just typed)
     * @param version  the row's version for the hidden field, null while unsaved
     * @param message  what happened to the row (saved, refused), null for nothing
     */
    record RowView(int no, String sopCode, String title, SopMetrics metrics, Verdict suggested, String suggestedReason,
                   Verdict verdict, String catatan, String tindakan, String parafBy, Instant parafAt, Integer version,
                   boolean saved, Map<String, String> errors, String message, boolean problem) {
    }

    private final ReportPages pages;
    private final MonitoringService monitoring;
    private final WebFormat format;

    MonitoringController(ReportPages pages, MonitoringService monitoring, WebFormat format) {
        this.pages = pages;
        this.monitoring = monitoring;
        this.format = format;
    }

    @GetMapping("/laporan/monitoring/{year}/{half}")
    String page(@PathVariable String year, @PathVariable String half, Authentication user,
                HttpServletRequest request, Model model) {
        int y = pages.year(year);
        int h = pages.half(half);
        return render(monitoring.form(pages.office(), y, h), null, user, RequestContextUtils.getLocale(request), model);
    }

    @PostMapping("/laporan/monitoring/{year}/{half}/baris/{sop}")
    String saveRow(@PathVariable String year, @PathVariable String half, @PathVariable String sop,
                   @RequestParam(name = "verdict", required = false) String verdictText,
                   @RequestParam(name = "catatan", required = false) String catatanText,
                   @RequestParam(name = "tindakan", required = false) String tindakanText,
                   @RequestParam(name = "version", required = false) String versionText,
                   Authentication user, HttpServletRequest request, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        int y = pages.year(year);
        int h = pages.half(half);
        if (!ReportPages.evaluatorOrKepala(user)) {
            throw new ReportPages.PageProblem(403, "ui.report.error.monitoringForbidden");
        }
        Locale locale = RequestContextUtils.getLocale(request);
        String office = pages.office();
        MonitoringForm form = monitoring.form(office, y, h);
        MonitoringForm.Row row = form.rows().stream().filter(r -> r.sopCode().equals(sop)).findFirst()
                .orElseThrow(() -> new ReportPages.PageProblem(404, "ui.report.error.noSuchSop",
                        ReportPages.abbreviated(sop)));
        int no = form.rows().indexOf(row) + 1;
        Function<String, String> names = pages.fullNames();

        Form check = new Form(pages.messagesSource(), locale);
        Verdict verdict = check.choice("verdict", verdictText, Verdict.class);
        String catatan = check.lines("catatan", catatanText, Form.MAX_NOTE, false);
        String tindakan = check.lines("tindakan", tindakanText, Form.MAX_NOTE, false);
        Integer version = versionText == null || versionText.isBlank() ? null : Form.parseIntOrNull(versionText);
        if (versionText != null && !versionText.isBlank() && version == null) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }
        Function<RowMessage, RowView> typed = m -> new RowView(no, row.sopCode(), row.title(), row.metrics(),
                row.suggestion().verdict(), row.suggestion().reason(Messages.forLocale(locale)), verdict,
                catatanText == null ? "" : catatanText, tindakanText == null ? "" : tindakanText,
                names.apply(row.parafBy()), row.parafAt(), m.version, row.saved(), check.errors(), m.text,
                true);
        if (check.hasErrors()) {
            return answer(request, response, 400, y, h, typed.apply(new RowMessage(version,
                    pages.message(locale, "ui.form.fix", check.errors().size()))), null, user, locale, model, redirect);
        }
        try {
            MonitoringForm saved = monitoring.saveRow(new MonitoringService.SaveRow(office, y, h, sop, verdict,
                    catatan, tindakan, version, user.getName()));
            response.setHeader("HX-Trigger", "{\"formVersion\":{\"value\":" + saved.version() + "}}");
            RowView done = view(saved.row(sop), no, locale, names, Map.of(),
                    pages.message(locale, "ui.report.rowSaved", sop), false);
            return answer(request, response, 200, y, h, done, saved, user, locale, model, redirect);
        } catch (FormChangeException e) {
            MonitoringForm now = monitoring.form(office, y, h);
            response.setHeader("HX-Trigger", "{\"formVersion\":{\"value\":" + now.version() + "}}");
            if (e.reason() == FormChangeException.Reason.SIGNED) {
                RowView signed = view(now.row(sop), no, locale, names, Map.of(),
                        pages.message(locale, e.key(), e.args()), true);
                return answer(request, response, 409, y, h, signed, now, user, locale, model, redirect);
            }
            // Someone saved the row first: keep what this user typed, say what is stored now, and take the current
            // version so that saving again replaces it knowingly.
            MonitoringForm.Row current = now.row(sop);
            String message = current.saved()
                    ? pages.message(locale, "ui.report.rowConflict", names.apply(current.parafBy()),
                    format.wib(current.parafAt()), pages.message(locale, current.verdict().key()))
                    : pages.message(locale, e.key(), e.args());
            return answer(request, response, 409, y, h, typed.apply(new RowMessage(current.version(), message)), null,
                    user, locale, model, redirect);
        } catch (InvalidInputException e) {
            check.reject(e.field(), "ui.report.error.invalid");
            return answer(request, response, 400, y, h, typed.apply(new RowMessage(version,
                    pages.message(locale, "ui.form.fix", check.errors().size()))), null, user, locale, model, redirect);
        }
    }

    @PostMapping("/laporan/monitoring/{year}/{half}/sahkan")
    String signOff(@PathVariable String year, @PathVariable String half,
                   @RequestParam(name = "version", required = false) String versionText, Authentication user,
                   HttpServletRequest request, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        int y = pages.year(year);
        int h = pages.half(half);
        if (!ReportPages.evaluatorOrKepala(user)) {
            throw new ReportPages.PageProblem(403, "ui.report.error.monitoringForbidden");
        }
        Integer version = Form.parseIntOrNull(versionText);
        if (version == null) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }
        Locale locale = RequestContextUtils.getLocale(request);
        try {
            monitoring.signOff(pages.office(), y, h, version, user.getName());
            redirect.addFlashAttribute("flash", pages.message(locale, "ui.report.monitoring.signedOff"));
            return "redirect:/laporan/monitoring/" + y + "/" + h;
        } catch (FormChangeException e) {
            response.setStatus(409);
            model.addAttribute("signError", pages.message(locale, e.key(), e.args()));
            return render(monitoring.form(pages.office(), y, h), null, user, locale, model);
        }
    }

    @GetMapping("/laporan/monitoring/{year}/{half}/{file}")
    ResponseEntity<byte[]> download(@PathVariable String year, @PathVariable String half, @PathVariable String file,
                                    HttpServletRequest request) {
        int y = pages.year(year);
        int h = pages.half(half);
        ReportTables words = pages.tables(RequestContextUtils.getLocale(request));
        Map<String, Supplier<ReportTable>> tables = new LinkedHashMap<>();
        tables.put("monitoring", () -> words.monitoring(monitoring.form(pages.office(), y, h), pages.fullNames()));
        return pages.download(file, tables);
    }

    private record RowMessage(Integer version, String text) {
    }

    private String answer(HttpServletRequest request, HttpServletResponse response, int status, int year, int half,
                          RowView row, MonitoringForm form, Authentication user, Locale locale, Model model,
                          RedirectAttributes redirect) {
        if (ReportPages.htmx(request)) {
            response.setStatus(status);
            model.addAttribute("row", row);
            model.addAttribute("canEdit", mayEdit(user) && (form == null || !form.signed()));
            model.addAttribute("base", base(year, half));
            return "reports/monitoring :: row";
        }
        if (status == 200) {
            redirect.addFlashAttribute("flash", row.message());
            return "redirect:" + base(year, half) + "#baris-" + row.sopCode();
        }
        response.setStatus(status);
        return render(form != null ? form : monitoring.form(pages.office(), year, half), row, user, locale, model);
    }

    private String render(MonitoringForm form, RowView edited, Authentication user, Locale locale, Model model) {
        List<RowView> rows = new ArrayList<>();
        Function<String, String> names = pages.fullNames();
        int no = 1;
        for (MonitoringForm.Row r : form.rows()) {
            rows.add(edited != null && edited.sopCode().equals(r.sopCode()) ? edited
                    : view(r, no, locale, names, Map.of(), null, false));
            no++;
        }
        ReportTables words = pages.tables(locale);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("baik", form.count(Verdict.BAIK));
        model.addAttribute("tidakBaik", form.count(Verdict.TIDAK_BAIK));
        model.addAttribute("semester", words.semester(form.year(), form.half()));
        model.addAttribute("canEdit", mayEdit(user) && !form.signed());
        model.addAttribute("mayEdit", mayEdit(user));
        model.addAttribute("signedByName", names.apply(form.signedBy()));
        model.addAttribute("base", base(form.year(), form.half()));
        model.addAttribute("history", pages.history(monitoring.history(pages.office(), form.year(), form.half()),
                locale));
        return "reports/monitoring";
    }

    private static RowView view(MonitoringForm.Row r, int no, Locale locale, Function<String, String> names,
                                Map<String, String> errors, String message, boolean problem) {
        return new RowView(no, r.sopCode(), r.title(), r.metrics(), r.suggestion().verdict(),
                r.suggestion().reason(Messages.forLocale(locale)), r.verdict(), r.catatan(), r.tindakan(),
                names.apply(r.parafBy()), r.parafAt(), r.version(), r.saved(), errors, message, problem);
    }

    private static boolean mayEdit(Authentication user) {
        return ReportPages.has(user, Roles.EVALUATOR, Roles.KEPALA);
    }

    private static String base(int year, int half) {
        return "/laporan/monitoring/" + year + "/" + half;
    }
}
