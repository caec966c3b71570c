package id.sopan.web;

import id.sopan.calendar.CalendarService;
import id.sopan.casework.DashboardQueries;
import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopVersionSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Dasbor of the Kepala and the administrators: open cases per SOP and per unit, overdue open tasks, and the
 * month's case durations against each SOP's standard (see {@link DashboardQueries}).
 */
@Controller
class DashboardController {

    private final DashboardQueries queries;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final String office;

    DashboardController(DashboardQueries queries, CatalogService catalog, CalendarService calendars,
                        @Value("${sopan.default-office:DKUKM}") String office) {
        this.queries = queries;
        this.catalog = catalog;
        this.calendars = calendars;
        this.office = office;
    }

    @GetMapping("/dasbor")
    String dashboard(@RequestParam(name = "bulan", required = false) String bulan, Model model) {
        YearMonth month = queries.currentMonth(office);
        if (bulan != null && !bulan.isBlank()) {
            try {
                month = YearMonth.parse(bulan.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("monthError", true);
            }
        }
        DashboardQueries.Dashboard dashboard = queries.dashboard(office, month);
        List<SopVersionSummary> awaiting = catalog.versions(office).stream().filter(SopVersionSummary::submitted)
                .toList();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("month", month.toString());
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("zone", calendars.calendarFor(office).zone());
        return "dashboard";
    }
}
