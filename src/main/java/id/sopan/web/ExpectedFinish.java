package id.sopan.web;

import id.sopan.calendar.WorkingCalendar;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;

import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * When a case is expected to finish: from a moment, the deadlines of the remaining steps along the SOP's straight
 * path (no returns), one after the other, on the office's working-time calendar. A step without a usable Waktu
 * adds nothing, and makes the answer approximate.
 */
record ExpectedFinish(Instant at, boolean approximate) {

    static ExpectedFinish along(WorkingCalendar calendar, SopDefinition sop, Instant from, IntPredicate stepIncluded) {
        Instant at = from;
        boolean approximate = false;
        for (Step step : sop.steps()) {
            if (!stepIncluded.test(step.number())) {
                continue;
            }
            if (step.waktu().isKnown()) {
                at = calendar.deadline(at, step.waktu());
            } else {
                approximate = true;
            }
        }
        return new ExpectedFinish(at, approximate);
    }
}
