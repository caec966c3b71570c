package id.sopan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A report page that cannot be shown (wrong year, semester, SOP, file; a role that may not change it): a page in words. */
// Before the API's advice, which handles every exception but answers only under /api.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(assignableTypes = {ReportController.class, MonitoringController.class, EvaluationController.class,
        SemesterController.class})
class ReportPageAdvice {

    private final MessageSource messages;
    private final CurrentUserAdvice currentUser;

    ReportPageAdvice(MessageSource messages, CurrentUserAdvice currentUser) {
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @ExceptionHandler(ReportPages.PageProblem.class)
    String problem(ReportPages.PageProblem problem, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        response.setStatus(problem.status);
        model.addAttribute("status", problem.status);
        model.addAttribute("problemText", messages.getMessage(problem.key, problem.args, problem.key,
                RequestContextUtils.getLocale(request)));
        if (ReportPages.htmx(request)) {
            // htmx swaps the answer in place of the row it came from.
            return "reports/parts :: problemRow";
        }
        // Model attributes of the advice are not added to an exception handler's model.
        model.addAttribute("me", currentUser.me());
        return "error";
    }
}
