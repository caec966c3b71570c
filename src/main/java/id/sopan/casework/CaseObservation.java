package id.sopan.casework;

import id.sopan.engine.IllegalActionException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What operations see of a case action: its time and outcome as a Micrometer timer, and its case, task, action and
 * user in the SLF4J MDC for every log line written meanwhile (the structured log's fields). The engine stays plain
 * Java: this sits around {@link CaseService}, never inside the engine.
 */
@Component
class CaseObservation {

    /** The MDC keys of a case action (also set by the SLA watch per task). */
    static final String CASE_ID = "caseId";
    static final String REGISTRATION_NO = "registrationNo";
    static final String TASK_ID = "taskId";
    static final String ACTION = "action";
    static final String USERNAME = "username";

    /** Timer of every start, action and cancellation, tagged {@code action} and {@code outcome}. */
    static final String ACTIONS = "sopan.case.actions";

    private static final Logger log = LoggerFactory.getLogger(CaseObservation.class);

    private final MeterRegistry registry;

    CaseObservation(ObjectProvider<MeterRegistry> registry) {
        // Without Micrometer's registry (a plain test context) the figures go nowhere, the MDC still works.
        this.registry = registry.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
    }

    /**
     * Runs one case action: times it under its action's name and the outcome (ok, conflict, illegal, forbidden,
     * not_found, invalid, error), with {@code taskId}, {@code action} and {@code username} in the MDC meanwhile
     * (and the case's, once {@link #caseKnown} names it). The MDC is as before afterwards.
     */
    <T> T action(String action, Long taskId, Long caseId, String username, Supplier<T> work) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        put(ACTION, action);
        put(USERNAME, username);
        put(TASK_ID, taskId == null ? null : taskId.toString());
        put(CASE_ID, caseId == null ? null : caseId.toString());
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "ok";
            return result;
        } catch (RuntimeException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            long nanos = sample.stop(timer(action, outcome));
            // One line per action, with the MDC still naming the case and task: the operations log of casework.
            if ("error".equals(outcome)) {
                log.warn("case action {}: {} after {} ms", action, outcome, nanos / 1_000_000);
            } else {
                log.info("case action {}: {} after {} ms", action, outcome, nanos / 1_000_000);
            }
            restore(before);
        }
    }

    /** The timers by action and outcome: a handful, looked up at every action (a registry lookup builds an id). */
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private Timer timer(String action, String outcome) {
        return timers.computeIfAbsent(action + ' ' + outcome, k -> Timer.builder(ACTIONS)
                .description("Case starts, task actions and cancellations")
                .tag("action", action).tag("outcome", outcome).register(registry));
    }

    /** Names the case of the running action in the MDC (known once its row is read). */
    static void caseKnown(long caseId, String registrationNo) {
        MDC.put(CASE_ID, Long.toString(caseId));
        put(REGISTRATION_NO, registrationNo);
    }

    /** The MDC of one task of the SLA watch; the caller restores the map it had. */
    static Map<String, String> taskContext(long caseId, String registrationNo, long taskId) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        caseKnown(caseId, registrationNo);
        MDC.put(TASK_ID, Long.toString(taskId));
        MDC.put(ACTION, "SLA_OVERDUE");
        MDC.put(USERNAME, "system");
        return before;
    }

    static void restore(Map<String, String> before) {
        if (before == null || before.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(new LinkedHashMap<>(before));
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    static String outcome(RuntimeException e) {
        if (e instanceof CaseConflictException || e instanceof org.springframework.dao.OptimisticLockingFailureException) {
            return "conflict";
        }
        if (e instanceof IllegalActionException) {
            return "illegal";
        }
        if (e instanceof NotAllowedException) {
            return "forbidden";
        }
        if (e instanceof NoSuchCaseException) {
            return "not_found";
        }
        if (e instanceof IllegalArgumentException) {
            return "invalid";
        }
        return "error";
    }

    MeterRegistry registry() {
        return registry;
    }
}
