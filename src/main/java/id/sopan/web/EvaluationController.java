package id.sopan.web;

import id.sopan.organization.InvalidInputException;
import id.sopan.reports.Criterion;
import id.sopan.reports.EvaluationForm;
import id.sopan.reports.EvaluationService;
import id.sopan.reports.FormChangeException;
import id.sopan.reports.Recommendation;
import id.sopan.reports.ReportMetrics;
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
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The yearly evaluation (Perbup Pasal 10) at {@code /laporan/evaluasi/{year}}: per SOP the seven PermenPAN-RB criteria
 * answered Ya/Tidak, a catatan, beside the year's figures and the verdict they suggest; each row saved on its own
 * (htmx, or a plain post) with its version; sign-off once every SOP is answered; the recommendations derived from the
 * figures and the answers, by the three areas of Pasal 10(3). Only evaluators change it; the others read it.
 */
@Controller
class EvaluationController {

    /**
     * @param answers per criterion in order: Ya (true), Tidak (false) or unanswered (null)
     */
    record RowView(int no, String sopCode, String title, SopMetrics metrics, Verdict suggested, String suggestedReason,
                   List<Boolean> answers, String catatan, String evaluatedBy, Instant evaluatedAt, Integer version,
                   boolean complete, Map<String, String> errors, String message, boolean problem) {
    }

    /** The recommendations of one area, worded. */
    record AreaView(Recommendation.Area area, List<String> texts) {
    }

    private final ReportPages pages;
    private final EvaluationService evaluation;
    private final ReportMetrics metrics;
    private final WebFormat format;

    EvaluationController(ReportPages pages, EvaluationService evaluation, ReportMetrics metrics, WebFormat format) {
        this.pages = pages;
        this.evaluation = evaluation;
        this.metrics = metrics;
        this.format = format;
    }

    @GetMapping("/laporan/evaluasi/{year}")
    String page(@PathVariable String year, Authentication user, HttpServletRequest request, Model model) {
        int y = pages.year(year);
        return render(evaluation.form(pages.office(), y), null, user, RequestContextUtils.getLocale(request), model);
    }

    @PostMapping("/laporan/evaluasi/{year}/baris/{sop}")
    String saveRow(@PathVariable String year, @PathVariable String sop,
                   @RequestParam Map<String, String> params, Authentication user, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        int y = pages.year(year);
        if (!mayEdit(user)) {
            throw new ReportPages.PageProblem(403, "ui.report.error.evaluationForbidden");
        }
        Locale locale = RequestContextUtils.getLocale(request);
        String office = pages.office();
        EvaluationForm form = evaluation.form(office, y);
        EvaluationForm.Row row = form.rows().stream().filter(r -> r.sopCode().equals(sop)).findFirst()
                .orElseThrow(() -> new ReportPages.PageProblem(404, "ui.report.error.noSuchSop",
                        ReportPages.abbreviated(sop)));
        int no = form.rows().indexOf(row) + 1;
        Function<String, String> names = pages.fullNames();

        Form check = new Form(pages.messagesSource(), locale);
        Map<Criterion, Boolean> answers = new EnumMap<>(Criterion.class);
        List<Boolean> typedAnswers = new ArrayList<>(Collections.nCopies(Criterion.values().length, null));
        for (Criterion c : Criterion.values()) {
            String field = "k" + c.number();
            String value = params.get(field);
            if ("ya".equals(value) || "tidak".equals(value)) {
                answers.put(c, "ya".equals(value));
                typedAnswers.set(c.ordinal(), "ya".equals(value));
            } else if (value != null && !value.isBlank()) {
                check.reject(field, "ui.form.badChoice");
            }
        }
        String catatanText = params.get("catatan");
        String catatan = check.lines("catatan", catatanText, Form.MAX_NOTE, false);
        String versionText = params.get("version");
        Integer version = versionText == null || versionText.isBlank() ? null : Form.parseIntOrNull(versionText);
        if (versionText != null && !versionText.isBlank() && version == null) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }
        Function<RowMessage, RowView> typed = m -> new RowView(no, row.sopCode(), row.title(), row.metrics(),
                row.suggestion().verdict(), row.suggestion().reason(Messages.forLocale(locale)), typedAnswers,
                catatanText == null ? "" : catatanText, names.apply(row.evaluatedBy()), row.evaluatedAt(), m.version,
                row.complete(), check.errors(), m.text, true);
        if (check.hasErrors()) {
            return answer(request, response, 400, y, typed.apply(new RowMessage(version,
                    pages.message(locale, "ui.form.fix", check.errors().size()))), null, user, locale, model, redirect);
        }
        try {
            EvaluationForm saved = evaluation.saveRow(new EvaluationService.SaveRow(office, y, sop, answers, catatan,
                    version, user.getName()));
            response.setHeader("HX-Trigger", "{\"formVersion\":{\"value\":" + saved.version() + "}}");
            RowView done = view(saved.row(sop), no, locale, names, Map.of(),
                    pages.message(locale, "ui.report.rowSaved", sop), false);
            return answer(request, response, 200, y, done, saved, user, locale, model, redirect);
        } catch (FormChangeException e) {
            EvaluationForm now = evaluation.form(office, y);
            response.setHeader("HX-Trigger", "{\"formVersion\":{\"value\":" + now.version() + "}}");
            if (e.reason() == FormChangeException.Reason.SIGNED) {
                RowView signed = view(now.row(sop), no, locale, names, Map.of(),
                        pages.message(locale, e.key(), e.args()), true);
                return answer(request, response, 409, y, signed, now, user, locale, model, redirect);
            }
            EvaluationForm.Row current = now.row(sop);
            String message = current.version() != null
                    ? pages.message(locale, "ui.report.evaluationConflict", names.apply(current.evaluatedBy()),
                    format.wib(current.evaluatedAt()))
                    : pages.message(locale, e.key(), e.args());
            return answer(request, response, 409, y, typed.apply(new RowMessage(current.version(), message)), null,
                    user, locale, model, redirect);
        } catch (InvalidInputException e) {
            check.reject(e.field(), "ui.report.error.invalid");
            return answer(request, response, 400, y, typed.apply(new RowMessage(version,
                    pages.message(locale, "ui.form.fix", check.errors().size()))), null, user, locale, model, redirect);
        }
    }

    @PostMapping("/laporan/evaluasi/{year}/sahkan")
    String signOff(@PathVariable String year, @RequestParam(name = "version", required = false) String versionText,
                   Authentication user, HttpServletRequest request, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        int y = pages.year(year);
        if (!mayEdit(user)) {
            throw new ReportPages.PageProblem(403, "ui.report.error.evaluationForbidden");
        }
        Integer version = Form.parseIntOrNull(versionText);
        if (version == null) {
            throw new ReportPages.PageProblem(400, "ui.report.error.badRequest");
        }
        Locale locale = RequestContextUtils.getLocale(request);
        try {
            evaluation.signOff(pages.office(), y, version, user.getName());
            redirect.addFlashAttribute("flash", pages.message(locale, "ui.report.evaluation.signedOff"));
            return "redirect:/laporan/evaluasi/" + y;
        } catch (FormChangeException e) {
            response.setStatus(409);
            model.addAttribute("signError", pages.message(locale, e.key(), e.args()));
            return render(evaluation.form(pages.office(), y), null, user, locale, model);
        }
    }

    @GetMapping("/laporan/evaluasi/{year}/{file}")
    ResponseEntity<byte[]> download(@PathVariable String year, @PathVariable String file,
                                    HttpServletRequest request) {
        int y = pages.year(year);
        String office = pages.office();
        ReportTables words = pages.tables(RequestContextUtils.getLocale(request));
        Supplier<EvaluationForm> read = ReportController.once(() -> evaluation.form(office, y));
        Map<String, Supplier<ReportTable>> tables = new LinkedHashMap<>();
        tables.put("evaluasi", () -> words.evaluation(read.get(), pages.fullNames()));
        tables.put("rekomendasi", () -> words.recommendations(read.get()));
        if ("semua.xlsx".equals(file)) {
            ReportTables.Months months = ReportTables.Months.year(y);
            ReportMetrics.Report figures = metrics.report(office, metrics.months(office, months.first(),
                    months.last()));
            return pages.workbook(office + "-evaluasi-" + y, List.of(tables.get("evaluasi").get(),
                    tables.get("rekomendasi").get(), words.bySop(figures, months, pages.sopTitles())));
        }
        return pages.download(file, tables);
    }

    private record RowMessage(Integer version, String text) {
    }

    private String answer(HttpServletRequest request, HttpServletResponse response, int status, int year, RowView row,
                          EvaluationForm form, Authentication user, Locale locale, Model model,
                          RedirectAttributes redirect) {
        if (ReportPages.htmx(request)) {
            response.setStatus(status);
            model.addAttribute("row", row);
            model.addAttribute("canEdit", mayEdit(user) && (form == null || !form.signed()));
            model.addAttribute("base", "/laporan/evaluasi/" + year);
            model.addAttribute("criteria", Criterion.values());
            return "reports/evaluation :: row";
        }
        if (status == 200) {
            redirect.addFlashAttribute("flash", row.message());
            return "redirect:/laporan/evaluasi/" + year + "#baris-" + row.sopCode();
        }
        response.setStatus(status);
        return render(form != null ? form : evaluation.form(pages.office(), year), row, user, locale, model);
    }

    private String render(EvaluationForm form, RowView edited, Authentication user, Locale locale, Model model) {
        Function<String, String> names = pages.fullNames();
        List<RowView> rows = new ArrayList<>();
        int no = 1;
        for (EvaluationForm.Row r : form.rows()) {
            rows.add(edited != null && edited.sopCode().equals(r.sopCode()) ? edited
                    : view(r, no, locale, names, Map.of(), null, false));
            no++;
        }
        Messages words = Messages.forLocale(locale);
        List<AreaView> areas = new ArrayList<>();
        for (Recommendation.Area area : Recommendation.Area.values()) {
            areas.add(new AreaView(area, form.recommendations(area).stream().map(r -> r.text(words)).toList()));
        }
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("criteria", Criterion.values());
        model.addAttribute("areas", areas);
        model.addAttribute("canEdit", mayEdit(user) && !form.signed());
        model.addAttribute("mayEdit", mayEdit(user));
        model.addAttribute("signedByName", names.apply(form.signedBy()));
        model.addAttribute("base", "/laporan/evaluasi/" + form.year());
        model.addAttribute("history", pages.history(evaluation.history(pages.office(), form.year()), locale));
        return "reports/evaluation";
    }

    private static RowView view(EvaluationForm.Row r, int no, Locale locale, Function<String, String> names,
                                Map<String, String> errors, String message, boolean problem) {
        List<Boolean> answers = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            answers.add(r.answer(c));
        }
        return new RowView(no, r.sopCode(), r.title(), r.metrics(), r.suggestion().verdict(),
                r.suggestion().reason(Messages.forLocale(locale)), answers, r.catatan(), names.apply(r.evaluatedBy()),
                r.evaluatedAt(), r.version(), r.complete(), errors, message, problem);
    }

    private static boolean mayEdit(Authentication user) {
        return ReportPages.has(user, Roles.EVALUATOR);
    }
}
