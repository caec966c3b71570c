package id.sopan.web;

import id.sopan.documents.ReportPdf;
import id.sopan.organization.AppUser;
import id.sopan.organization.InvalidInputException;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.EvaluationService;
import id.sopan.reports.SemesterReportService;
import id.sopan.sop.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report documents as downloads for the signed-in user's office: the six-monthly report (Pasal 11) and the
 * yearly evaluation (Pasal 10). Who may open {@code /laporan/**} is decided in the security configuration; a
 * year or semester that is not one answers 400 with the error page.
 */
@Controller
class ReportDocumentController {

    private final SemesterReportService semesters;
    private final EvaluationService evaluations;
    private final OrganizationService organization;
    private final OfficeRepository offices;
    private final String defaultOffice;

    ReportDocumentController(SemesterReportService semesters, EvaluationService evaluations,
                             OrganizationService organization, OfficeRepository offices,
                             @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.semesters = semesters;
        this.evaluations = evaluations;
        this.organization = organization;
        this.offices = offices;
        this.defaultOffice = defaultOffice;
    }

    @GetMapping("/laporan/semester/{year}/{half}.pdf")
    Object semester(@PathVariable String year, @PathVariable String half, Authentication user, Locale locale,
                    HttpServletResponse response, Model model) {
        Long y = Access.number(year);
        Long h = Access.number(half);
        if (y == null || y < 2000 || y > 9999) {
            return CaseController.problem(response, model, 400, "report.pdf.web.badYear");
        }
        if (h == null || h != 1 && h != 2) {
            return CaseController.problem(response, model, 400, "report.pdf.web.badHalf");
        }
        String office = officeOf(user);
        try {
            byte[] pdf = ReportPdf.semester(semesters.report(office, y.intValue(), h.intValue()),
                    Messages.forLocale(locale));
            return pdf("Laporan-SOP-AP-" + office + "-" + y + "-S" + h + ".pdf", pdf);
        } catch (InvalidInputException e) {
            return refused(e, response, model);
        }
    }

    @GetMapping("/laporan/evaluasi/{year}.pdf")
    Object evaluation(@PathVariable String year, Authentication user, Locale locale, HttpServletResponse response,
                      Model model) {
        Long y = Access.number(year);
        if (y == null || y < 2000 || y > 9999) {
            return CaseController.problem(response, model, 400, "report.pdf.web.badYear");
        }
        String officeCode = officeOf(user);
        Office office = offices.findByCode(officeCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> people = organization.users(officeCode).stream()
                .collect(Collectors.toMap(AppUser::username, AppUser::fullName, (a, b) -> a));
        try {
            byte[] pdf = ReportPdf.evaluation(evaluations.form(officeCode, y.intValue()), office,
                    u -> people.getOrDefault(u, u), Messages.forLocale(locale));
            return pdf("Evaluasi-SOP-AP-" + officeCode + "-" + y + ".pdf", pdf);
        } catch (InvalidInputException e) {
            return refused(e, response, model);
        }
    }

    /** The office of the user's account; the configured office for an account without one. */
    private String officeOf(Authentication user) {
        return organization.user(user.getName()).map(AppUser::officeCode).orElse(defaultOffice);
    }

    /** The services refuse a year after the current one (and check the semester again). */
    private static String refused(InvalidInputException e, HttpServletResponse response, Model model) {
        return switch (e.field()) {
            case "year" -> CaseController.problem(response, model, 400, "report.pdf.web.badYear");
            case "half" -> CaseController.problem(response, model, 400, "report.pdf.web.badHalf");
            default -> throw e;
        };
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
