package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.engine.CaseStatus;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lacak (public, no sign-in): registration number and tracking code give the case's status, its current step
 * (Kegiatan and Pelaksana) and the expected finish; nothing personal (no pemohon, no notes, no usernames). A wrong
 * number and a wrong code get the same "tidak ditemukan". Lookups are limited per client IP address
 * ({@code sopan.lacak.limit} per {@code sopan.lacak.window}; beyond, a 429 page).
 */
@Controller
class TrackingController {

    /** What the public may see of a case. */
    record Tracked(String registrationNo, String sopCode, String sopTitle, CaseStatus status, Instant startedAt,
                   Instant endedAt, Step currentStep, ExpectedFinish finish) {
    }

    private final CaseService cases;
    private final CalendarService calendars;
    private final MessageSource messages;
    private final Clock clock;
    private final RateLimiter limiter;

    TrackingController(CaseService cases, CalendarService calendars, MessageSource messages, Clock clock,
                       @Value("${sopan.lacak.limit:20}") int limit,
                       @Value("${sopan.lacak.window:PT1M}") Duration window) {
        this.cases = cases;
        this.calendars = calendars;
        this.messages = messages;
        this.clock = clock;
        this.limiter = new RateLimiter(limit, window, clock, 10_000);
    }

    @GetMapping("/lacak")
    String form(Model model) {
        model.addAttribute("nomor", "");
        model.addAttribute("errors", Map.of());
        return "track";
    }

    @PostMapping("/lacak")
    String lookUp(@RequestParam(name = "nomor", required = false) String number,
                  @RequestParam(name = "kode", required = false) String code,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("errors", Map.of());
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("nomor", "");
            model.addAttribute("tooMany", true);
            return "track";
        }
        Form form = new Form(messages, RequestContextUtils.getLocale(request));
        String registration = form.line("nomor", number, 40, true);
        String tracking = form.line("kode", code, 16, true);
        model.addAttribute("nomor", registration == null ? Objects.requireNonNullElse(number, "") : registration);
        if (!form.ok()) {
            response.setStatus(400);
            model.addAttribute("errors", form.errors());
            return "track";
        }
        Optional<CaseDetail> found = cases.byRegistration(registration.toUpperCase(Locale.ROOT))
                .filter(d -> sameCode(d.trackingCode(), tracking));
        if (found.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("notFound", true);
            return "track";
        }
        model.addAttribute("tracked", tracked(found.get()));
        return "track";
    }

    private Tracked tracked(CaseDetail d) {
        SopDefinition sop = cases.sopOf(d.id());
        Step current = d.status() == CaseStatus.OPEN ? sop.step(d.currentStep()).orElse(null) : null;
        ExpectedFinish finish = null;
        if (d.status() == CaseStatus.OPEN) {
            // From the current step's deadline (or now when it has none), then the steps after it.
            List<CaseDetail.Task> active = cases.activeTasks(d.id());
            Instant from = active.stream().map(CaseDetail.Task::deadline).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(clock.instant());
            if (from.isBefore(clock.instant())) {
                from = clock.instant();
            }
            int step = d.currentStep();
            finish = ExpectedFinish.along(calendars.calendarFor(d.officeCode()), sop, from, n -> n > step);
        }
        return new Tracked(d.registrationNo(), sop.code(), sop.title(), d.status(), d.startedAt(), d.endedAt(), current,
                finish);
    }

    /** Compares in constant time, ignoring case and spaces. */
    private static boolean sameCode(String expected, String given) {
        String normalized = given.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                normalized.getBytes(StandardCharsets.UTF_8));
    }
}
