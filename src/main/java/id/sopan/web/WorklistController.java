package id.sopan.web;

import id.sopan.casework.CaseConflictException;
import id.sopan.casework.CaseService;
import id.sopan.casework.NoSuchCaseException;
import id.sopan.casework.NotAllowedException;
import id.sopan.casework.SlaWatch;
import id.sopan.casework.WorklistItem;
import id.sopan.catalog.CatalogEntry;
import id.sopan.catalog.CatalogService;
import id.sopan.engine.Action;
import id.sopan.engine.IllegalActionException;
import id.sopan.engine.TaskStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Kotak Tugas: my tasks (claimed by me) and the unclaimed tasks of my jabatan (own and delegated), soonest deadline
 * first, with the SLA watch's notifications. Every action is a POST to {@code /tugas/{id}/{verb}}; with htmx
 * ({@code HX-Request}) it answers the task's row only (also for a refusal: 400, 403, 404 or 409, which sopan.js
 * lets htmx swap), without htmx it redirects back to the list with the message.
 */
@Controller
class WorklistController {

    /** The verbs of the URLs, one per action the buttons offer. */
    static final Map<String, Action> VERBS = Map.of(
            "ambil", Action.CLAIM, "ambil-alih", Action.TAKE_OVER, "lepas", Action.RELEASE,
            "selesai", Action.COMPLETE, "sesuai", Action.APPROVE, "belum-sesuai", Action.RETURN,
            "serahkan", Action.HAND_OFF, "terima", Action.RECEIVE_BACK);
    private static final Map<Action, String> VERB_OF = VERBS.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    /** The order of the buttons. */
    private static final List<Action> BUTTON_ORDER = List.of(Action.CLAIM, Action.TAKE_OVER, Action.COMPLETE,
            Action.APPROVE, Action.RETURN, Action.HAND_OFF, Action.RECEIVE_BACK, Action.RELEASE);
    /** Actions whose form shows the note field. */
    private static final Set<Action> WITH_NOTE = EnumSet.of(Action.COMPLETE, Action.APPROVE, Action.RETURN,
            Action.HAND_OFF, Action.RECEIVE_BACK);
    /** Rows per page: the most urgent first; a page of every task with its forms was 247 KB for 191 tasks. */
    static final int PAGE = 25;
    /** Tasks read at most for one page (the pages reach as far). */
    private static final int LIMIT = 2000;

    /**
     * {@code url}: where its POST goes, the app's context path included, made once here (a link expression per
     * button and row costs the page).
     */
    public record Button(Action action, String verb, String url) {
    }

    /**
     * The words every row shows (status and action words, the overdue badge), looked up once per answer: looked up in
     * each row they were a tenth of the page's rendering. The column labels of a narrow screen are not among them:
     * {@code sopan.js} copies them from the table's head.
     */
    public record Labels(String overdue, Map<TaskStatus, String> statuses, Map<Action, String> actionWords) {

        static Labels of(MessageSource messages, Locale locale) {
            Function<String, String> m = key -> messages.getMessage(key, null, locale);
            Map<TaskStatus, String> statuses = new java.util.EnumMap<>(TaskStatus.class);
            for (TaskStatus s : TaskStatus.values()) {
                statuses.put(s, m.apply("ui.task.status." + s.name()));
            }
            Map<Action, String> actions = new java.util.EnumMap<>(Action.class);
            for (Action a : BUTTON_ORDER) {
                actions.put(a, m.apply("ui.work.action." + a.name()));
            }
            return new Labels(m.apply("ui.work.overdue"), statuses, actions);
        }

        public String statusOf(TaskStatus status) {
            return statuses.get(status);
        }

        public String wordOf(Action action) {
            return actionWords.get(action);
        }
    }

    /**
     * One row of the list. {@code item} is null when the task is no longer anything the user can see; then the
     * row shows only its message. Public, as {@link Button}: SpEL compiles the page's calls on public types only.
     */
    public record Row(long taskId, WorklistItem item, String sopTitle, boolean overdue, List<Button> buttons,
                      boolean noteField, String message, boolean problem, String note, String noteError,
                      String caseUrl) {

        /** The row element's id. */
        public String elementId() {
            return "tugas-" + taskId;
        }

        /** The deadline as the page shows it (WIB). */
        public String deadlineText() {
            return item == null ? "" : WebFormat.wibOf(item.deadline());
        }
    }

    private final CaseService cases;
    private final CatalogService catalog;
    private final ObjectProvider<SlaWatch> sla;
    private final MessageSource messages;
    private final Clock clock;
    private final String office;

    WorklistController(CaseService cases, CatalogService catalog, ObjectProvider<SlaWatch> sla, MessageSource messages,
                       Clock clock, @Value("${sopan.default-office:DKUKM}") String office) {
        this.cases = cases;
        this.catalog = catalog;
        this.sla = sla;
        this.messages = messages;
        this.clock = clock;
        this.office = office;
    }

    @GetMapping("/tugas")
    String page(@RequestParam(name = "sampai", required = false) String until,
                @RequestParam(name = "halaman", required = false) String page, Authentication user,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        list(until, page, user, request, response, model);
        SlaWatch watch = sla.getIfAvailable();
        model.addAttribute("notifications", watch == null ? List.of() : watch.unread(user.getName()));
        return "tasks";
    }

    /** The list alone, for htmx ("Muat ulang"). */
    @GetMapping("/tugas/daftar")
    String list(@RequestParam(name = "sampai", required = false) String until,
                @RequestParam(name = "halaman", required = false) String pageText, Authentication user,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Form form = new Form(messages, RequestContextUtils.getLocale(request));
        Instant end = endOfDay(form, until);
        Integer asked = pageText == null || pageText.isBlank() ? null : form.integer("halaman", pageText, 1, LIMIT / PAGE);
        int page = asked == null ? 1 : asked;
        if (!form.ok()) {
            response.setStatus(400);
        }
        List<Row> rows = rows(user.getName(), end, page * PAGE + 1, request.getContextPath());
        boolean more = rows.size() > page * PAGE;
        model.addAttribute("rows", rows.subList(Math.min((page - 1) * PAGE, rows.size()), Math.min(page * PAGE, rows.size())));
        model.addAttribute("page", page);
        model.addAttribute("first", (page - 1) * PAGE + 1);
        model.addAttribute("more", more);
        model.addAttribute("sampai", until == null ? "" : until);
        model.addAttribute("errors", form.errors());
        model.addAttribute("labels", Labels.of(messages, RequestContextUtils.getLocale(request)));
        return "tasks :: list";
    }

    /**
     * The first {@code wanted} rows of the user's list (fewer when there are no more): mine, and the jabatan's pool;
     * a task claimed by a colleague shows only when it may be taken over. Those hidden are made up for by reading
     * further, so that a page starts where the one before ended.
     */
    private List<Row> rows(String username, Instant end, int wanted, String root) {
        Function<String, String> titles = titles();
        int limit = wanted;
        while (true) {
            List<WorklistItem> read = cases.worklist(username, limit);
            List<WorklistItem> items = read.stream()
                    .filter(item -> end == null || (item.deadline() != null && !item.deadline().isAfter(end))).toList();
            List<Row> rows = new ArrayList<>();
            for (WorklistItem item : items) {
                if (username.equals(item.claimedBy()) || item.claimedBy() == null
                        || item.permitted().contains(Action.TAKE_OVER)) {
                    rows.add(row(item, titles, root, null, false, null, null));
                }
            }
            // The list is by deadline: once it reads past the date asked for, nothing further can show.
            WorklistItem last = read.isEmpty() ? null : read.get(read.size() - 1);
            boolean pastEnd = end != null && last != null && (last.deadline() == null || last.deadline().isAfter(end));
            if (rows.size() >= wanted || read.size() < limit || limit >= LIMIT || pastEnd) {
                return rows;
            }
            limit = Math.min(LIMIT, limit * 2);
        }
    }

    @PostMapping("/tugas/{id}/{verb}")
    String act(@PathVariable String id, @PathVariable String verb,
               @RequestParam(name = "catatan", required = false) String note, Authentication user,
               HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Locale locale = RequestContextUtils.getLocale(request);
        boolean htmx = request.getHeader("HX-Request") != null;
        model.addAttribute("labels", Labels.of(messages, locale));
        Long taskId = Access.number(id);
        Action action = VERBS.get(verb);
        if (taskId == null || action == null) {
            return answer(htmx, response, 404, model, redirect,
                    messageRow(taskId == null ? 0 : taskId, msg("ui.work.noSuchTask", locale)));
        }
        String username = user.getName();
        Optional<WorklistItem> before = find(taskId, username);
        Function<String, String> titles = titles();
        String root = request.getContextPath();

        Form form = new Form(messages, locale);
        String text = form.lines("catatan", note, Form.MAX_NOTE, false);
        boolean handedOff = before.map(i -> i.status() == TaskStatus.HANDED_OFF).orElse(false);
        if (form.ok() && text == null && (action == Action.RETURN || action == Action.RECEIVE_BACK
                || (action == Action.APPROVE && handedOff))) {
            form.reject("catatan", action == Action.RETURN ? "ui.work.reasonRequired" : "ui.work.resultRequired");
        }
        if (!form.ok()) {
            Row row = before.map(i -> row(i, titles, root,
                            msg("ui.work.fixNote", locale), true, note, form.errors().get("catatan")))
                    .orElseGet(() -> messageRow(taskId, form.errors().get("catatan")));
            return answer(htmx, response, 400, model, redirect, row);
        }
        try {
            CaseService.ActionResult result = cases.act(taskId, action, username, text, null);
            String done = msg("ui.work.done." + action.name(), locale, result.registrationNo());
            Optional<WorklistItem> after = find(taskId, username);
            Row row = after.filter(i -> !i.status().isFinal())
                    .map(i -> row(i, titles, root, done, false, null, null))
                    .orElseGet(() -> before.map(i -> new Row(taskId, i, titles.apply(i.sopCode()), false, List.of(),
                            false, done, false, null, null, caseUrl(root, i))).orElseGet(() -> messageRow(taskId, done)));
            return answer(htmx, response, 200, model, redirect, row);
        } catch (IllegalActionException | CaseConflictException e) {
            // Someone else was faster: say so, and show the task as it is now.
            String message = msg("ui.work.conflict", locale);
            Row row = find(taskId, username)
                    .map(i -> row(i, titles, root, message, true, null, null))
                    .orElseGet(() -> messageRow(taskId, message));
            return answer(htmx, response, 409, model, redirect, row);
        } catch (NotAllowedException e) {
            return answer(htmx, response, 403, model, redirect, messageRow(taskId, msg("ui.work.notAllowed", locale)));
        } catch (NoSuchCaseException e) {
            return answer(htmx, response, 404, model, redirect, messageRow(taskId, msg("ui.work.noSuchTask", locale)));
        }
    }

    private String answer(boolean htmx, HttpServletResponse response, int status, Model model,
                          RedirectAttributes redirect, Row row) {
        if (!htmx) {
            redirect.addFlashAttribute("flash", row.message());
            redirect.addFlashAttribute("flashProblem", row.problem() || status >= 400);
            return "redirect:/tugas";
        }
        response.setStatus(status);
        model.addAttribute("rows", List.of(row));
        return row.item() == null ? "tasks :: gone" : "tasks :: row";
    }

    /** {@code root}: the app's context path, before every path the row links to. */
    private Row row(WorklistItem item, Function<String, String> titles, String root, String message, boolean problem,
                    String note, String noteError) {
        List<Button> buttons = BUTTON_ORDER.stream().filter(item.permitted()::contains)
                .map(a -> new Button(a, VERB_OF.get(a), root + "/tugas/" + item.taskId() + "/" + VERB_OF.get(a))).toList();
        boolean noteField = buttons.stream().anyMatch(b -> WITH_NOTE.contains(b.action()));
        boolean overdue = item.overdue() || (item.deadline() != null && item.deadline().isBefore(clock.instant()));
        return new Row(item.taskId(), item, titles.apply(item.sopCode()), overdue, buttons, noteField, message, problem,
                note, noteError, caseUrl(root, item));
    }

    private static String caseUrl(String root, WorklistItem item) {
        return root + "/kasus/" + item.caseId();
    }

    private static Row messageRow(long taskId, String message) {
        return new Row(taskId, null, null, false, List.of(), false, message, true, null, null, null);
    }

    private Optional<WorklistItem> find(long taskId, String username) {
        return cases.worklistItem(taskId, username);
    }

    private Function<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (CatalogEntry e : catalog.listCurrent(office)) {
            titles.put(e.code(), e.title());
        }
        return code -> titles.getOrDefault(code, "");
    }

    /** The end (WIB) of the day given as YYYY-MM-DD, or null when none is given. */
    private static Instant endOfDay(Form form, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() > 10) {
                throw new DateTimeParseException("too long", text, 10);
            }
            return LocalDate.parse(text.strip()).plusDays(1).atStartOfDay(WebFormat.WIB).toInstant().minusNanos(1);
        } catch (DateTimeParseException e) {
            form.reject("sampai", "ui.form.badDate");
            return null;
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
