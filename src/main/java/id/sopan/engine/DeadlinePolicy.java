package id.sopan.engine;

import id.sopan.sop.StandardTime;

import java.time.Instant;

/** When a step started at {@code start} is due: the working-time calendar, passed in. */
@FunctionalInterface
public interface DeadlinePolicy {

    /** @return the deadline, or null when the step's time is unknown */
    Instant deadline(Instant start, StandardTime time);
}
