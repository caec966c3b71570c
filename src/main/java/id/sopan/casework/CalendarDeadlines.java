package id.sopan.casework;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.engine.DeadlinePolicy;
import org.springframework.stereotype.Component;

/** Deadlines from the office's working-time calendar; a step whose time is unknown has none. */
@Component
class CalendarDeadlines implements CaseService.Deadlines {

    private final CalendarService calendars;

    CalendarDeadlines(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Override
    public DeadlinePolicy forOffice(String officeCode) {
        WorkingCalendar calendar = calendars.calendarFor(officeCode);
        return (start, time) -> time.isKnown() ? calendar.deadline(start, time) : null;
    }
}
