package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.Holiday;
import id.sopan.calendar.OfficePeriod;
import id.sopan.calendar.WorkingCalendar;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Administrasi of the office calendar: holidays of a year, minutes per working day, office hours per weekday. */
@Controller
class AdminCalendarController {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final CalendarService calendars;
    private final MessageSource messages;
    private final Clock clock;
    private final String office;

    AdminCalendarController(CalendarService calendars, MessageSource messages, Clock clock,
                            @Value("${sopan.default-office:DKUKM}") String office) {
        this.calendars = calendars;
        this.clock = clock;
        this.messages = messages;
        this.office = office;
    }

    /** The values of the page's forms as typed, so that a refused form shows them again. */
    record CalendarForms(String date, String name, String kind, String minutes, Map<DayOfWeek, String> hours) {
    }

    @GetMapping("/admin/kalender")
    String calendar(@RequestParam(name = "tahun", required = false) String tahun, Model model,
                    HttpServletResponse response) {
        Form errors = new Form(messages);
        int year = currentYear();
        if (tahun != null && !tahun.isBlank()) {
            Integer parsed = errors.integer("year", tahun, MIN_YEAR, MAX_YEAR);
            if (parsed != null) {
                year = parsed;
            } else {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        return page(model, year, forms(null, null, null, null), errors);
    }

    @PostMapping("/admin/kalender/libur")
    String addHoliday(@RequestParam(name = "tanggal", required = false) String tanggal,
                      @RequestParam(name = "nama", required = false) String nama,
                      @RequestParam(name = "jenis", required = false) String jenis,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Form errors = new Form(messages);
        LocalDate date = errors.date("date", tanggal);
        if (date != null && (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR)) {
            errors.reject("date", "ui.form.range", MIN_YEAR, MAX_YEAR);
        }
        String name = errors.text("name", nama, Holiday.MAX_NAME_LENGTH);
        Holiday.Kind kind = errors.choice("kind", jenis, Holiday.Kind.class);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            int year = date != null && !errors.errors().containsKey("date") ? date.getYear() : currentYear();
            return page(model, year, forms(tanggal, nama, jenis, null), errors);
        }
        boolean added = calendars.addHoliday(office, date, name, kind);
        redirect.addFlashAttribute("message", added ? "ui.admin.calendar.added" : "ui.admin.calendar.replaced");
        redirect.addFlashAttribute("messageArgs", new Object[] {date.toString()});
        return "redirect:/admin/kalender?tahun=" + date.getYear();
    }

    @PostMapping("/admin/kalender/libur/hapus")
    String removeHoliday(@RequestParam(name = "tanggal", required = false) String tanggal, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        Form errors = new Form(messages);
        LocalDate date = errors.date("removeDate", tanggal);
        if (date == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, currentYear(), forms(null, null, null, null), errors);
        }
        boolean removed = calendars.removeHoliday(office, date);
        redirect.addFlashAttribute(removed ? "message" : "error",
                removed ? "ui.admin.calendar.removed" : "ui.admin.calendar.notAHoliday");
        redirect.addFlashAttribute(removed ? "messageArgs" : "errorArgs", new Object[] {date.toString()});
        return "redirect:/admin/kalender?tahun=" + date.getYear();
    }

    @PostMapping("/admin/kalender/menit")
    String minutes(@RequestParam(name = "menit", required = false) String menit, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Form errors = new Form(messages);
        Integer minutes = errors.integer("minutes", menit, WorkingCalendar.MIN_MINUTES_PER_WORKING_DAY,
                WorkingCalendar.MAX_MINUTES_PER_WORKING_DAY);
        if (minutes == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, currentYear(), forms(null, null, null, menit), errors);
        }
        calendars.setMinutesPerWorkingDay(office, minutes);
        redirect.addFlashAttribute("message", "ui.admin.calendar.minutesSaved");
        redirect.addFlashAttribute("messageArgs", new Object[] {minutes});
        return "redirect:/admin/kalender";
    }

    @PostMapping("/admin/kalender/jam")
    String officeHours(@RequestParam(name = "hari", required = false) String hari,
                       @RequestParam(name = "jam", required = false) String jam, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        Form errors = new Form(messages);
        DayOfWeek day = errors.choice("day", hari, DayOfWeek.class);
        List<OfficePeriod> periods = new ArrayList<>();
        String field = day == null ? "day" : "hours-" + day.name();
        if (day != null) {
            String text = jam == null ? "" : jam.strip();
            if (text.length() > 200) {
                errors.reject(field, "ui.form.tooLong", 200);
            } else if (!text.isEmpty()) {
                for (String part : text.split("[,;]")) {
                    try {
                        periods.add(OfficePeriod.parse(part));
                    } catch (IllegalArgumentException | DateTimeException e) {
                        errors.reject(field, "ui.admin.calendar.badHours");
                        break;
                    }
                }
            }
        }
        if (!errors.hasErrors()) {
            try {
                calendars.setOfficeHours(office, day, periods);
                redirect.addFlashAttribute("message", "ui.admin.calendar.hoursSaved");
                redirect.addFlashAttribute("messageArgs", new Object[] {day.name()});
                return "redirect:/admin/kalender";
            } catch (IllegalArgumentException e) {
                errors.reject(field, "ui.admin.calendar.refusedHours");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Map<DayOfWeek, String> typed = new EnumMap<>(DayOfWeek.class);
        if (day != null) {
            typed.put(day, jam);
        }
        return page(model, currentYear(), new CalendarForms(null, null, null, null, typed), errors);
    }

    private CalendarForms forms(String date, String name, String kind, String minutes) {
        return new CalendarForms(date, name, kind, minutes, new EnumMap<>(DayOfWeek.class));
    }

    private String page(Model model, int year, CalendarForms typed, Form errors) {
        WorkingCalendar calendar = calendars.calendarFor(office);
        Map<DayOfWeek, String> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, typed.hours().containsKey(day) ? typed.hours().get(day)
                    : calendar.officeHours(day).stream().map(OfficePeriod::toString).collect(Collectors.joining(", ")));
        }
        model.addAttribute("year", year);
        model.addAttribute("holidays", calendars.holidays(office, year));
        model.addAttribute("kinds", Holiday.Kind.values());
        model.addAttribute("minutesPerDay", calendar.minutesPerWorkingDay());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("hours", hours);
        model.addAttribute("form", new CalendarForms(nz(typed.date()), nz(typed.name()), nz(typed.kind()),
                typed.minutes() == null ? String.valueOf(calendar.minutesPerWorkingDay()) : typed.minutes(), hours));
        model.addAttribute("errors", errors.errors());
        return "admin/calendar";
    }

    private int currentYear() {
        return Year.now(clock.withZone(calendars.calendarFor(office).zone())).getValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
