package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.casework.AttachmentService;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.NoSuchCaseException;
import id.sopan.organization.AppUser;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A case's page ({@code /kasus/{id}}): status and current step, the SOP's steps with each task's actual working
 * time against the step's Waktu, the history, the kelengkapan and the attachments (upload, list, download); and
 * its printable tanda terima. For those involved in the case, the heads and the administrators; others get a
 * 403 page.
 */
@Controller
class CaseController {

    /** One task of a step, timed: working minutes from its start to its end (or to now while it is open). */
    record TaskTime(CaseDetail.Task task, long minutes, boolean running, boolean late) {
    }

    /** One step of the SOP with its tasks in this case. */
    record StepView(Step step, Long standardMinutes, List<TaskTime> tasks, boolean current) {
    }

    /** One history row, with names instead of codes. */
    record EventView(CaseDetail.Event event, String who, String jabatan, String onBehalfOf) {
    }

    private final CaseService cases;
    private final AttachmentService attachments;
    private final CalendarService calendars;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final Clock clock;

    CaseController(CaseService cases, AttachmentService attachments, CalendarService calendars,
                   OrganizationService organization, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.attachments = attachments;
        this.calendars = calendars;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/kasus/{id}")
    String page(@PathVariable String id, @RequestParam(name = "lampiran", required = false) String upload,
                Authentication user, HttpServletRequest request, HttpServletResponse response, Model model) {
        Long caseId = Access.number(id);
        String refused = refuse(caseId, user, response, model);
        if (refused != null) {
            return refused;
        }
        if ("terlalu-besar".equals(upload)) {
            // Sent here by UploadLimitFilter: the upload was beyond the servlet's limit.
            return render(caseId, model, Map.of("file", messages.getMessage("ui.case.fileTooLarge",
                    new Object[] {attachments.maxBytes() / (1024 * 1024)}, RequestContextUtils.getLocale(request))));
        }
        return render(caseId, model, Map.of());
    }

    @PostMapping("/kasus/{id}/lampiran")
    String upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "butir", required = false) String item, Authentication user,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Long caseId = Access.number(id);
        String refused = refuse(caseId, user, response, model);
        if (refused != null) {
            return refused;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        Form form = new Form(messages, locale);
        Integer requirementNo = null;
        if (item != null && !item.isBlank()) {
            Long n = Access.number(item);
            if (n == null || n < 1 || n > 1000) {
                form.reject("butir", "ui.form.badNumber");
            } else {
                requirementNo = n.intValue();
            }
        }
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            form.reject("file", "ui.case.fileRequired");
        }
        if (form.ok()) {
            try {
                AttachmentService.Attachment stored = attachments.store(caseId, requirementNo,
                        file.getOriginalFilename(), file.getBytes(), user.getName());
                redirect.addFlashAttribute("flash", messages.getMessage("ui.case.uploaded",
                        new Object[] {stored.fileName()}, locale));
                return "redirect:/kasus/" + caseId + "#lampiran";
            } catch (AttachmentService.RefusedException e) {
                String field = "attachment.requirement".equals(e.key()) ? "butir" : "file";
                form.reject(field, e.key(), e.args().toArray());
            } catch (IOException e) {
                form.reject("file", "ui.case.fileUnreadable");
            }
        }
        response.setStatus(400);
        model.addAttribute("butir", item);
        return render(caseId, model, form.errors());
    }

    /** A request beyond the servlet's multipart limit: the case page with a clear message (413), not an error page. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Authentication user, Model model) {
        return multipartProblem(request, response, user, model, 413, "ui.case.fileTooLarge",
                attachments.maxBytes() / (1024 * 1024));
    }

    /** A broken multipart request (cut off, no boundary). */
    @ExceptionHandler(MultipartException.class)
    String badMultipart(HttpServletRequest request, HttpServletResponse response, Authentication user, Model model) {
        return multipartProblem(request, response, user, model, 400, "ui.case.fileUnreadable");
    }

    private String multipartProblem(HttpServletRequest request, HttpServletResponse response, Authentication user,
                                    Model model, int status, String key, Object... args) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Long caseId = vars == null ? null : Access.number(vars.get("id"));
        String refused = refuse(caseId, user, response, model);
        if (refused != null) {
            return refused;
        }
        response.setStatus(status);
        String message = messages.getMessage(key, args, RequestContextUtils.getLocale(request));
        return render(caseId, model, Map.of("file", message));
    }

    @GetMapping("/kasus/{id}/lampiran/{attachmentId}")
    Object download(@PathVariable String id, @PathVariable String attachmentId, Authentication user,
                    HttpServletResponse response, Model model) {
        Long caseId = Access.number(id);
        String refused = refuse(caseId, user, response, model);
        if (refused != null) {
            return refused;
        }
        Long aid = Access.number(attachmentId);
        AttachmentService.Attachment a = aid == null ? null : attachments.find(caseId, aid).orElse(null);
        if (a == null) {
            return problem(response, model, 404, "ui.error.noSuchAttachment");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachments.content(a));
    }

    /** The tanda terima: what the pemohon takes home, printable. */
    @GetMapping("/kasus/{id}/tanda-terima")
    String receipt(@PathVariable String id, Authentication user, HttpServletResponse response, Model model) {
        Long caseId = Access.number(id);
        String refused = refuse(caseId, user, response, model);
        if (refused != null) {
            return refused;
        }
        CaseDetail d = cases.detail(caseId);
        SopDefinition sop = cases.sopOf(caseId);
        // The steps done at the start itself (the pemohon's submission) are behind; the rest are ahead.
        Set<Integer> doneAtStart = d.tasks().stream()
                .filter(t -> t.round() == 0 && t.endedAt() != null && t.endedAt().equals(d.startedAt()))
                .map(CaseDetail.Task::step).collect(Collectors.toSet());
        model.addAttribute("c", d);
        model.addAttribute("sop", sop);
        model.addAttribute("finish", ExpectedFinish.along(calendars.calendarFor(d.officeCode()), sop, d.startedAt(),
                step -> !doneAtStart.contains(step)));
        return "receipt";
    }

    /** Null when the user may read the case; else the error page's view name, with its status set. */
    private String refuse(Long caseId, Authentication user, HttpServletResponse response, Model model) {
        try {
            if (caseId != null && cases.status(caseId) != null && Access.mayRead(cases, caseId, user)) {
                return null;
            }
            if (caseId != null) {
                return problem(response, model, 403, "ui.error.caseForbidden");
            }
        } catch (NoSuchCaseException e) {
            // below
        }
        return problem(response, model, 404, "ui.error.noSuchCase");
    }

    static String problem(HttpServletResponse response, Model model, int status, String key) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problemKey", key);
        return "error";
    }

    private String render(long caseId, Model model, Map<String, String> errors) {
        CaseDetail d = cases.detail(caseId);
        SopDefinition sop = cases.sopOf(caseId);
        WorkingCalendar calendar = calendars.calendarFor(d.officeCode());
        Instant now = clock.instant();
        List<StepView> steps = new ArrayList<>();
        for (Step step : sop.steps()) {
            List<TaskTime> times = d.tasks().stream().filter(t -> t.step() == step.number())
                    .sorted(Comparator.comparingInt(CaseDetail.Task::round).thenComparingLong(CaseDetail.Task::id))
                    .map(t -> {
                        Instant end = t.endedAt() != null ? t.endedAt() : now;
                        boolean running = t.endedAt() == null && !t.status().isFinal();
                        long minutes = t.startedAt() == null ? 0 : calendar.workingMinutesBetween(t.startedAt(), end);
                        boolean late = t.overdue() || (t.deadline() != null && end.isAfter(t.deadline()));
                        return new TaskTime(t, minutes, running, late);
                    }).toList();
            steps.add(new StepView(step, standardMinutes(step, calendar).stream().boxed().findFirst().orElse(null),
                    times, d.status() == id.sopan.engine.CaseStatus.OPEN && step.number() == d.currentStep()));
        }
        List<EventView> history = d.history().stream().map(e -> new EventView(e, nameOf(e.username()),
                jabatanName(d.officeCode(), e.actingJabatan()), onBehalfOf(e.onBehalfOf()))).toList();
        model.addAttribute("c", d);
        model.addAttribute("sop", sop);
        model.addAttribute("steps", steps);
        model.addAttribute("active", cases.activeTasks(caseId));
        model.addAttribute("history", history);
        model.addAttribute("attachments", attachments.list(caseId));
        model.addAttribute("maxBytes", attachments.maxBytes());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("butir")) {
            model.addAttribute("butir", "");
        }
        return "case";
    }

    private static OptionalLong standardMinutes(Step step, WorkingCalendar calendar) {
        if (step.waktu().unit() == TimeUnit.WORKING_MINUTES) {
            return OptionalLong.of(step.waktu().amount());
        }
        if (step.waktu().unit() == TimeUnit.WORKING_DAYS) {
            return OptionalLong.of((long) step.waktu().amount() * calendar.minutesPerWorkingDay());
        }
        return OptionalLong.empty();
    }

    private String nameOf(String username) {
        if (username == null) {
            return "-";
        }
        return organization.user(username).map(AppUser::fullName).map(n -> n + " (" + username + ")").orElse(username);
    }

    private String jabatanName(String office, String code) {
        return code == null ? null : organization.jabatan(office, code).map(Jabatan::name).orElse(code);
    }

    /** The history's "PLH:username" as "Plh: Full Name (username)". */
    private String onBehalfOf(String recorded) {
        if (recorded == null) {
            return null;
        }
        int colon = recorded.indexOf(':');
        String kind = colon < 0 ? recorded : recorded.substring(0, colon);
        String who = colon < 0 ? "-" : recorded.substring(colon + 1);
        String kindText = kind.isEmpty() ? "" : kind.charAt(0) + kind.substring(1).toLowerCase(Locale.ROOT);
        return kindText + ": " + ("-".equals(who) ? "-" : nameOf(who));
    }
}
