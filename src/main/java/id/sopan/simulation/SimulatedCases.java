package id.sopan.simulation;

import id.sopan.casework.BulkHistory;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the simulation's cases live: the real services, one transaction per action ({@link Services}), or a bulk
 * session that runs them in memory through the same engine and rules and writes them in batches ({@link Bulk}).
 * Every call that depends on "now" is given the simulated moment.
 */
interface SimulatedCases extends AutoCloseable {

    long start(CaseService.StartCase command, Instant at);

    void act(long taskId, Action action, String user, String note, Instant at);

    List<CaseDetail.Task> activeTasks(long caseId);

    CaseStatus status(long caseId);

    Set<Action> permittedActions(long taskId, String user, Instant at);

    /** Nothing more will happen to the case in this run (closed, or left open part-way). */
    void done(long caseId);

    /** What was written in bulk, or null for the services (they write as they go). */
    BulkHistory.Written written();

    @Override
    void close();

    /** The real {@link CaseService}: the clock is moved to each action's moment. */
    final class Services implements SimulatedCases {
        private final CaseService cases;
        private final id.sopan.calendar.MovableClock clock;

        Services(CaseService cases, id.sopan.calendar.MovableClock clock) {
            this.cases = cases;
            this.clock = clock;
        }

        @Override
        public long start(CaseService.StartCase command, Instant at) {
            clock.set(at);
            return cases.start(command).caseId();
        }

        @Override
        public void act(long taskId, Action action, String user, String note, Instant at) {
            clock.set(at);
            cases.act(taskId, action, user, note, null);
        }

        @Override
        public List<CaseDetail.Task> activeTasks(long caseId) {
            return cases.activeTasks(caseId);
        }

        @Override
        public CaseStatus status(long caseId) {
            return cases.status(caseId);
        }

        @Override
        public Set<Action> permittedActions(long taskId, String user, Instant at) {
            clock.set(at);
            return cases.permittedActions(taskId, user);
        }

        @Override
        public void done(long caseId) {
        }

        @Override
        public BulkHistory.Written written() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    /** A {@link BulkHistory.Session}: cases in memory, written a few thousand per transaction once done. */
    final class Bulk implements SimulatedCases {
        private final BulkHistory.Session session;

        Bulk(BulkHistory.Session session) {
            this.session = session;
        }

        @Override
        public long start(CaseService.StartCase command, Instant at) {
            return session.start(command, at);
        }

        @Override
        public void act(long taskId, Action action, String user, String note, Instant at) {
            session.act(taskId, action, user, note, at);
        }

        @Override
        public List<CaseDetail.Task> activeTasks(long caseId) {
            return session.activeTasks(caseId);
        }

        @Override
        public CaseStatus status(long caseId) {
            return session.status(caseId);
        }

        @Override
        public Set<Action> permittedActions(long taskId, String user, Instant at) {
            return session.permittedActions(taskId, user, at);
        }

        @Override
        public void done(long caseId) {
            session.done(caseId);
        }

        @Override
        public BulkHistory.Written written() {
            return session.written();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
