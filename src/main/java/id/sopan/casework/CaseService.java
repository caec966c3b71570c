package id.sopan.casework;

import id.sopan.catalog.CatalogService;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.engine.CaseView;
import id.sopan.engine.Engine;
import id.sopan.engine.Outcome;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import id.sopan.engine.TaskView;
import id.sopan.engine.Transitions;
import id.sopan.sop.SopDefinition;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs cases: starts them, applies users' actions through the {@link Engine}, and stores each outcome with
 * its history rows in one transaction. The case row is locked for the duration, so two users (or two app
 * nodes) acting on the same case are serialized: the second one sees the first one's result and is
 * answered with a conflict.
 */
@Service
public class CaseService {

    /** The office's zone for registration years and delegation dates (WIB). */
    static final ZoneId WIB = CaseRules.WIB;

    private final CaseRepository cases;
    private final CatalogService catalog;
    private final WorkAssignment assignment;
    private final Deadlines deadlines;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();
    private final CaseObservation observation;
    private final TaskTally tally;

    CaseService(CaseRepository cases, CatalogService catalog, WorkAssignment assignment, Deadlines deadlines, Clock clock,
                PlatformTransactionManager transactions, CaseObservation observation, TaskTally tally) {
        this.observation = observation;
        this.tally = tally;
        this.cases = cases;
        this.catalog = catalog;
        this.assignment = assignment;
        this.deadlines = deadlines;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The deadline policy of an office: its working-time calendar. */
    public interface Deadlines {
        id.sopan.engine.DeadlinePolicy forOffice(String officeCode);
    }

    /**
     * What starting a case needs.
     *
     * @param fulfilled          the kelengkapan items (1-based) present at the start
     * @param submittedByPemohon true when the pemohon's submission (step 1) is this start itself
     */
    public record StartCase(String officeCode, String sopCode, Pemohon pemohon, String startedBy,
                            boolean submittedByPemohon, Set<Integer> fulfilled) {
    }

    public record Started(long caseId, String registrationNo, String trackingCode) {
    }

    public Started start(StartCase command) {
        return observation.action("START", null, null, command.startedBy(), () -> startInTransaction(command));
    }

    private Started startInTransaction(StartCase command) {
        Instant now = now();
        return tx.execute(status -> {
            CatalogService.VersionedSop version = catalog.berlaku(command.officeCode(), command.sopCode())
                    .orElseThrow(() -> new IllegalArgumentException(cases.officeId(command.officeCode()).isEmpty()
                            ? "unknown office " + command.officeCode()
                            : "SOP " + command.sopCode() + " has no berlaku version in office " + command.officeCode()));
            SopDefinition sop = version.definition();
            int year = CaseRules.registrationYear(now);
            CaseRepository.StartReservation reserved = cases.reserveStart(command.officeCode(), year,
                            CaseRules.tasksAtStart(sop, command.submittedByPemohon()))
                    .orElseThrow(() -> new IllegalArgumentException("unknown office " + command.officeCode()));
            long officeId = reserved.officeId();
            String registration = CaseRules.registrationNo(command.officeCode(), year, reserved.number());
            String tracking = CaseRules.trackingCode(random);
            Engine engine = new Engine(deadlines.forOffice(command.officeCode()));
            Outcome outcome = engine.start(sop, registration, command.startedBy(), command.submittedByPemohon(), now);
            // One batch on PostgreSQL: the case, its checklist, its tasks and history, and the commit.
            StatementBatch batch = cases.batch();
            long[] id = {0};
            cases.insertCase(batch, officeId, registration, tracking, version.versionId(), sop.code(),
                    outcome.kase().currentStep(), command.pemohon(), now, command.startedBy(), reserved.caseId(),
                    inserted -> id[0] = inserted);
            long caseId = id[0];
            CaseObservation.caseKnown(caseId, registration);
            List<String> items = requirementsOf(sop);
            List<Requirement> checklist = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                checklist.add(new Requirement(i + 1, items.get(i), command.fulfilled().contains(i + 1)));
            }
            cases.insertRequirements(batch, caseId, checklist);
            // The row as just inserted: no other transaction can see it, let alone change it, before this one ends.
            CaseRepository.CaseRow row = new CaseRepository.CaseRow(caseId, officeId, command.officeCode(), registration,
                    tracking, version.versionId(), sop.code(), CaseStatus.OPEN, outcome.kase().currentStep(), 0, 0,
                    command.pemohon(), now, command.startedBy(), null, 0);
            finish(store(batch, row, sop, outcome, List.of(), new CaseRules.Actor(command.startedBy(), null, null), now,
                    CaseRepository.ChainHead.EMPTY, reserved.taskIds()), status);
            return new Started(caseId, registration, tracking);
        });
    }

    /** The result of an action, as the API answers it. */
    public record ActionResult(long caseId, String registrationNo, CaseStatus caseStatus, int currentStep, long taskId,
                               TaskStatus taskStatus) {
        String encode() {
            return caseId + ";" + registrationNo + ";" + caseStatus + ";" + currentStep + ";" + taskId + ";" + taskStatus;
        }

        static ActionResult decode(String text) {
            String[] p = text.split(";");
            return new ActionResult(Long.parseLong(p[0]), p[1], CaseStatus.valueOf(p[2]), Integer.parseInt(p[3]),
                    Long.parseLong(p[4]), TaskStatus.valueOf(p[5]));
        }
    }

    /**
     * A user's action on a task. With an idempotency key, a retry of the same request answers the first
     * one's result without acting again; the key used for a different request is a conflict.
     */
    public ActionResult act(long taskId, Action action, String username, String note, String idempotencyKey) {
        return observation.action(String.valueOf(action), taskId, null, username,
                () -> actInTransaction(taskId, action, username, note, idempotencyKey));
    }

    private ActionResult actInTransaction(long taskId, Action action, String username, String note, String idempotencyKey) {
        Instant now = now();
        String requestHash = Sha256.hex(taskId + "|" + action + "|" + (note == null ? "" : note));
        return serialized(() -> tx.execute(status -> {
            CaseRepository.LockedRead read = cases.lockAndRead(taskId, Transitions.endsTask(action))
                    .orElseThrow(() -> new NoSuchCaseException("task " + taskId));
            CaseRepository.LockedCase locked = read.locked();
            CaseRepository.CaseRow row = locked.row();
            organizationStamp = locked.organizationStamp();
            // As whom the user acts, as of the organization this transaction sees: known already, mostly.
            WorkAssignment assignment = this.assignment.asOf(locked.organizationStamp());
            // The key is looked up under the case's lock: a retry sent while the first request is still running
            // waits for it and then answers its result, instead of acting again or failing on the key's insert.
            if (idempotencyKey != null) {
                Optional<String> earlier = cases.idempotentResult(idempotencyKey, username, requestHash);
                if (earlier.isPresent()) {
                    return ActionResult.decode(earlier.get());
                }
            }
            long caseId = row.id();
            CaseObservation.caseKnown(caseId, row.registrationNo());
            SopDefinition sop = catalog.version(row.sopVersionId()).definition();
            List<CaseRepository.TaskRow> tasks = read.tasks().tasks();
            CaseRepository.TaskRow task = tasks.stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
            List<String> candidates = read.tasks().candidatesOf(taskId);
            CaseRules.Actor actor = CaseRules.mayWork(assignment, row.officeCode(), row.pemohon().username(), task.kind(),
                    candidates, username, now).orElseThrow(() -> notAllowed(row, task, username));
            // The acting user is the claimer, mostly: then they may work it, as just checked.
            boolean claimerMayWork = task.claimedBy() == null || task.claimedBy().equals(username)
                    || CaseRules.mayWork(assignment, row.officeCode(), row.pemohon().username(), task.kind(), candidates,
                    task.claimedBy(), now).isPresent();
            Engine engine = new Engine(deadlines.forOffice(row.officeCode()));
            Outcome outcome = engine.apply(sop, view(row), views(tasks), taskId, action, username, note,
                    claimerMayWork, now);
            StatementBatch last = store(cases.batch(), row, sop, outcome, tasks, actor, now, read.tasks().head(),
                    read.reservedTaskIds());
            TaskStatus after = outcome.changes().stream().filter(c -> c.taskId() == taskId).findFirst()
                    .map(Outcome.TaskChange::to).orElse(task.status());
            ActionResult result = new ActionResult(caseId, row.registrationNo(), outcome.kase().status(),
                    outcome.kase().currentStep(), taskId, after);
            if (idempotencyKey != null) {
                cases.rememberIdempotent(last, idempotencyKey, username, requestHash, result.encode(), now);
            }
            finish(last, status);
            return result;
        }));
    }

    /**
     * Runs a transaction that takes row locks; should the database abort it for a lock it could not get (a
     * deadlock's victim on PostgreSQL; H2's lock timeout of one second, which Spring reports as a query timeout:
     * either way nothing was written), the caller is answered as for any other race, a conflict.
     */
    private static <T> T serialized(java.util.function.Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            throw new CaseConflictException("the case was busy with another change; reload and try again");
        }
    }

    /** Cancels an open case with a reason. Who may cancel is decided by the caller's role (see security). */
    public void cancel(long caseId, String username, String reason) {
        observation.action("CANCEL", null, caseId, username, () -> {
            cancelInTransaction(caseId, username, reason);
            return null;
        });
    }

    private void cancelInTransaction(long caseId, String username, String reason) {
        Instant now = now();
        serialized(() -> tx.execute(status -> {
            CaseRepository.CaseRow row = cases.lockCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
            CaseObservation.caseKnown(caseId, row.registrationNo());
            SopDefinition sop = catalog.version(row.sopVersionId()).definition();
            Engine engine = new Engine(deadlines.forOffice(row.officeCode()));
            List<CaseRepository.TaskRow> tasks = cases.tasks(caseId);
            Outcome outcome = engine.cancel(view(row), views(tasks), username, reason, now);
            finish(store(cases.batch(), row, sop, outcome, tasks, new CaseRules.Actor(username, null, null), now, null,
                            List.of()),
                    status);
            return null;
        }));
    }

    /**
     * The open tasks a user may work today (own jabatan and delegations) and the pemohon steps of their own
     * cases, soonest deadline first.
     */
    public List<WorklistItem> worklist(String username, int limit) {
        Optional<String> office = assignment.officeOf(username);
        return office.isEmpty() ? List.of()
                : worklist(username, office.get(), codes -> cases.worklist(office.get(), codes, username, limit));
    }

    /** One task of the user's {@link #worklist}, wherever it stands in it. */
    public Optional<WorklistItem> worklistItem(long taskId, String username) {
        Optional<String> office = assignment.officeOf(username);
        return office.isEmpty() ? Optional.empty()
                : worklist(username, office.get(), codes -> cases.worklistItem(office.get(), codes, username, taskId))
                .stream().findFirst();
    }

    /**
     * The organization's stamp this node saw last. A worklist asks with the jabatan known under it, and its rows tell
     * the stamp they were read under: when the two differ (the organization changed), it asks again.
     */
    private volatile long organizationStamp;

    /** How often a worklist is asked again when the organization changed while it was read: changes are rare. */
    private static final int WORKLIST_ATTEMPTS = 3;

    private List<WorklistItem> worklist(String username, String office,
                                        java.util.function.Function<Set<String>, CaseRepository.Worklist> query) {
        long stamp = organizationStamp;
        CaseRepository.Worklist read = null;
        for (int attempt = 0; attempt < WORKLIST_ATTEMPTS; attempt++) {
            read = query.apply(worklistJabatan(username, office, stamp));
            long seen = read.organizationStamp() != null ? read.organizationStamp() : assignment.organizationStamp();
            if (seen == stamp) {
                break;
            }
            organizationStamp = seen;
            stamp = seen;
        }
        Instant now = now();
        // As whom each user acts, as of the stamp the rows were read under: no read of the stamp per row.
        WorkAssignment memo = new MemoWorkAssignment(assignment.asOf(stamp));
        return read.rows().stream().map(r -> {
            CaseRepository.TaskRow t = r.task();
            CaseRepository.CaseRow c = r.kase();
            return new WorklistItem(t.id(), c.id(), c.registrationNo(), c.sopCode(), t.step(), t.actor(), t.kind(),
                    t.status(), t.claimedBy(), t.startedAt(), t.deadline(), t.overdueAt() != null, c.pemohon().name(),
                    permittedActions(memo, c, t, username, now));
        }).toList();
    }

    private Set<String> worklistJabatan(String username, String office, long organizationStamp) {
        LocalDate today = LocalDate.now(clock.withZone(WIB));
        return assignment.actingAs(username, today, organizationStamp).stream()
                .filter(a -> office.equals(a.officeCode()))
                .map(WorkAssignment.ActingAs::jabatanCode).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The actions a user may take on a task now: the buttons of the task. */
    public Set<Action> permittedActions(long taskId, String username) {
        long caseId = cases.caseOfTask(taskId).orElseThrow(() -> new NoSuchCaseException("task " + taskId));
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow();
        List<CaseRepository.TaskRow> tasks = cases.tasks(caseId);
        CaseRepository.TaskRow task = tasks.stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
        return permittedActions(assignment, row, task, username, now());
    }

    /**
     * {@link #permittedActions(long, String)} of a task read with its case, the organization asked through
     * {@code who} (a worklist's memo asks it once per user).
     */
    private Set<Action> permittedActions(WorkAssignment who, CaseRepository.CaseRow row, CaseRepository.TaskRow task,
                                         String username, Instant now) {
        if (mayWork(who, row, task, username, now).isEmpty()) {
            return Set.of();
        }
        boolean claimerMayWork = task.claimedBy() == null || mayWork(who, row, task, task.claimedBy(), now).isPresent();
        SopDefinition sop = catalog.version(row.sopVersionId()).definition();
        return Engine.permittedActions(sop, view(row), view(task), username, claimerMayWork);
    }

    /** The tasks of a case's current step that are still open, with who may work them (cheaper than detail). */
    public List<CaseDetail.Task> activeTasks(long caseId) {
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
        return cases.tasks(caseId).stream()
                .filter(t -> t.step() == row.currentStep() && t.round() == row.round() && !t.status().isFinal())
                .map(t -> new CaseDetail.Task(t.id(), t.step(), t.round(), t.actor(), t.responsibleActor(), t.kind(),
                        t.status(), t.claimedBy(), t.startedAt(), t.deadline(), t.endedAt(), t.overdueAt() != null,
                        CaseRepository.candidateList(t.jabatanCodes())))
                .toList();
    }

    public CaseStatus status(long caseId) {
        return cases.findCase(caseId).map(CaseRepository.CaseRow::status)
                .orElseThrow(() -> new NoSuchCaseException("case " + caseId));
    }

    /**
     * Whether a user has a part in a case, and so may read it: they belong to its office and started it, are its
     * pemohon, acted on it, or today act as (own jabatan or delegation) a jabatan that may work one of its tasks.
     */
    public boolean involves(long caseId, String username) {
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
        return inOffice(row, username) && involves(row, username);
    }

    /**
     * Whether a user may read a case: they belong to its office and are involved in it, or belong to its office and
     * read all of the office's cases ({@code readsAll}: the heads and administrators, a role the caller knows).
     * Nobody reads another office's cases, whatever their role.
     *
     * @throws NoSuchCaseException when there is no such case
     */
    public boolean mayRead(long caseId, String username, boolean readsAll) {
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
        return inOffice(row, username) && (readsAll || involves(row, username));
    }

    /**
     * Whether a user belongs to the case's office.
     *
     * @throws NoSuchCaseException when there is no such case
     */
    public boolean inOffice(long caseId, String username) {
        return inOffice(cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId)), username);
    }

    private boolean inOffice(CaseRepository.CaseRow row, String username) {
        return assignment.officeOf(username).filter(row.officeCode()::equals).isPresent();
    }

    private boolean involves(CaseRepository.CaseRow row, String username) {
        long caseId = row.id();
        if (username.equals(row.startedBy()) || username.equals(row.pemohon().username())) {
            return true;
        }
        if (cases.events(caseId).stream().anyMatch(e -> username.equals(e.username()))) {
            return true;
        }
        Set<String> jabatan = assignment.actingAs(username, LocalDate.now(clock.withZone(WIB))).stream()
                .filter(a -> row.officeCode().equals(a.officeCode()))
                .map(WorkAssignment.ActingAs::jabatanCode).collect(Collectors.toSet());
        return !jabatan.isEmpty() && cases.tasks(caseId).stream()
                .anyMatch(t -> CaseRepository.candidateList(t.jabatanCodes()).stream().anyMatch(jabatan::contains));
    }

    public CaseDetail detail(long caseId) {
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
        return detailOf(row);
    }

    /** The SOP version a case runs on (later versions never change it): its steps, times and actors. */
    public SopDefinition sopOf(long caseId) {
        CaseRepository.CaseRow row = cases.findCase(caseId).orElseThrow(() -> new NoSuchCaseException("case " + caseId));
        return catalog.version(row.sopVersionId()).definition();
    }

    public Optional<CaseDetail> byRegistration(String registrationNo) {
        return cases.findByRegistration(registrationNo).map(this::detailOf);
    }

    private CaseDetail detailOf(CaseRepository.CaseRow row) {
        List<CaseDetail.Task> tasks = cases.tasks(row.id()).stream().map(t -> new CaseDetail.Task(t.id(), t.step(),
                t.round(), t.actor(), t.responsibleActor(), t.kind(), t.status(), t.claimedBy(), t.startedAt(),
                t.deadline(), t.endedAt(), t.overdueAt() != null, CaseRepository.candidateList(t.jabatanCodes()))).toList();
        List<CaseDetail.Event> events = cases.events(row.id()).stream().map(e -> new CaseDetail.Event(e.seq(),
                e.occurredAt(), e.username(), e.actingJabatan(), e.onBehalfOf(), e.type(), e.taskId(), e.fromStep(),
                e.toStep(), e.note())).toList();
        return new CaseDetail(row.id(), row.officeCode(), row.registrationNo(), row.trackingCode(), row.sopCode(),
                catalog.version(row.sopVersionId()).versionNo(), row.status(), row.currentStep(), row.returns(),
                row.pemohon(), row.startedAt(), row.startedBy(), row.endedAt(), cases.requirements(row.id()), tasks, events);
    }

    private static NotAllowedException notAllowed(CaseRepository.CaseRow row, CaseRepository.TaskRow task, String username) {
        return new NotAllowedException("user " + username + " may not work step " + task.step() + " of case "
                + row.registrationNo() + " (" + task.responsibleActor() + ")");
    }

    /** Whether the user who claimed the task (if anyone) may still work it: if not, others may take it over. */
    /** Whether and as whom a user may work a task; the pemohon works their own case's pemohon steps as themselves. */
    private static Optional<CaseRules.Actor> mayWork(WorkAssignment who, CaseRepository.CaseRow row,
                                                     CaseRepository.TaskRow task, String username, Instant now) {
        List<String> candidates = task.kind() == TaskKind.PEMOHON && username.equals(row.pemohon().username())
                ? List.of() : CaseRepository.candidateList(task.jabatanCodes());
        return CaseRules.mayWork(who, row.officeCode(), row.pemohon().username(), task.kind(), candidates, username, now);
    }

    /**
     * Sends a transaction's last batch. When the transaction is this call's own and nothing waits on its commit, the
     * COMMIT goes with the batch (one round trip less on PostgreSQL); joined to a caller's transaction, it does not.
     */
    private static void finish(StatementBatch last, TransactionStatus status) {
        boolean nothingBeforeCommit = !TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.getSynchronizations().isEmpty();
        if (status.isNewTransaction() && !status.isRollbackOnly() && nothingBeforeCommit) {
            last.sendAndCommit();
        } else {
            last.send();
        }
    }

    /**
     * Writes an outcome, its first statements in {@code first} (which may hold statements already, as a start's case
     * row); {@code before} are the case's tasks as read under the case lock (nothing changed since);
     * {@code head}: the history chain's head read under the same lock, or null to read it here; {@code reservedIds}:
     * ids for the new tasks, taken with the reads. Returns the last batch, not yet sent: the caller may add to it, and
     * sends it ({@link #finish}).
     */
    private StatementBatch store(StatementBatch first, CaseRepository.CaseRow row, SopDefinition sop, Outcome outcome,
                                 List<CaseRepository.TaskRow> before, CaseRules.Actor actor, Instant now,
                                 CaseRepository.ChainHead head, List<Long> reservedIds) {
        // The writes go in one batch (one round trip on PostgreSQL) when the new tasks' ids were reserved; else in two:
        // the changes and new tasks, then what needs the new tasks' ids (their candidates, the history rows whose hash
        // covers them) and the tally.
        StatementBatch batch = first;
        List<TaskTally.Finished> finished = new ArrayList<>();
        for (Outcome.TaskChange change : outcome.changes()) {
            CaseRepository.TaskRow task = before.stream().filter(t -> t.id() == change.taskId()).findFirst().orElseThrow();
            Instant ended = change.to().isFinal() ? now : null;
            cases.updateTask(batch, task.id(), task.version(), change.from(), change.to(), change.claimedBy(), ended);
            if (ended != null) {
                finished.add(new TaskTally.Finished(task.id(), row.officeId(), sop.code(), task.step(),
                        change.claimedBy(), task.jabatanCodes(), change.to(), task.deadline(), ended));
            }
        }
        List<Outcome.NewTask> created = outcome.created();
        boolean idsReserved = created.size() <= reservedIds.size();
        long[] newIds = new long[created.size()];
        List<List<String>> newCandidates = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Outcome.NewTask t = created.get(i);
            List<String> candidates = CaseRules.candidatesOf(assignment, row.officeCode(), sop.code(), t);
            newCandidates.add(candidates);
            int index = i;
            cases.insertTask(batch, row.id(), row.officeId(), sop.code(), t.step(), t.round(), t.actor(),
                    t.responsibleActor(), t.kind(), t.status(), t.doneBy(), t.startedAt(), t.deadline(),
                    t.status().isFinal() ? t.startedAt() : null, candidates, idsReserved ? reservedIds.get(i) : null,
                    id -> newIds[index] = id);
        }
        CaseView kase = outcome.kase();
        Instant ended = kase.status() == CaseStatus.OPEN ? null : now;
        if (kase.status() != row.status() || kase.currentStep() != row.currentStep() || kase.round() != row.round()
                || kase.returns() != row.returns()) {
            cases.updateCase(batch, row.id(), row.version(), kase.status(), kase.currentStep(), kase.round(),
                    kase.returns(), ended);
        }
        if (!idsReserved) {
            batch.send();
            batch = cases.batch();
        }
        for (int i = 0; i < created.size(); i++) {
            Outcome.NewTask t = created.get(i);
            if (t.status().isFinal()) {
                finished.add(new TaskTally.Finished(newIds[i], row.officeId(), sop.code(), t.step(), t.doneBy(),
                        CaseRepository.jabatanCodes(newCandidates.get(i)), t.status(), t.deadline(), t.startedAt()));
            } else {
                cases.insertCandidates(batch, newIds[i], row.officeId(), t.deadline(), newCandidates.get(i));
            }
        }
        List<CaseRepository.NewEvent> events = outcome.events().stream().map(e -> new CaseRepository.NewEvent(
                actor.username(), actor.jabatan(), actor.onBehalfOf(), e.type().name(),
                e.taskId() != null ? e.taskId() : e.newTaskIndex() != null ? newIds[e.newTaskIndex()] : null,
                e.fromStep(), e.toStep(), e.note())).toList();
        cases.appendToHistory(batch, row.id(), now, events, head);
        // Last (but an idempotency key): a tally row is shared with other cases' tasks; its lock is held till the commit.
        tally.count(batch, row.officeCode(), finished);
        return batch;
    }

    private static CaseView view(CaseRepository.CaseRow row) {
        return new CaseView(row.registrationNo(), row.status(), row.currentStep(), row.round(), row.returns());
    }

    private static TaskView view(CaseRepository.TaskRow t) {
        return new TaskView(t.id(), t.step(), t.round(), t.actor(), t.responsibleActor(), t.kind(), t.status(),
                t.claimedBy(), t.startedAt(), t.deadline());
    }

    private static List<TaskView> views(List<CaseRepository.TaskRow> rows) {
        return rows.stream().map(CaseService::view).toList();
    }

    /** The kelengkapan of the SOP's first step, one checklist item per comma-separated input: a case's checklist. */
    public static List<String> requirementsOf(SopDefinition sop) {
        String inputs = sop.firstStep().kelengkapan();
        if (inputs == null || inputs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(inputs.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
