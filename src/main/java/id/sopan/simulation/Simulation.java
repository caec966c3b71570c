package id.sopan.simulation;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.calendar.WorkingCalendar;
import id.sopan.casework.BulkHistory;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.catalog.CatalogService;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import id.sopan.organization.AppUser;
import id.sopan.organization.DelegationKind;
import id.sopan.organization.DelegationRequest;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.ActorKind;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs cases in simulated time: a queue of timed user actions, each handled at its moment. Users are demo holders
 * of the tasks' jabatan (or their delegates); how long a step takes is drawn around its Waktu, some late;
 * decisions return "belum sesuai" with some probability; a share of the cases may be left open part-way.
 * <p>
 * The cases go either through the real services, every action through {@link CaseService} in its own transaction
 * (nothing short-cut), or, in bulk, through a {@link BulkHistory} session that runs them in memory with the same
 * engine, deadlines, candidate jabatan and authorization and writes each done case in large batches. The queue,
 * the draws and the users are the same code either way, so the same settings give the same history.
 */
public final class Simulation {

    /**
     * @param returnRate     chance that a decision returns the file the first time it is reached
     * @param lateRate       chance that a step takes longer than its Waktu
     * @param deterministic  for tests: every SOP in turn, all started at once, one-minute steps, first holders
     * @param returnOnce     with {@code deterministic}: every decision returns exactly once (else never)
     * @param delegations    whether to create a few Plh delegations during the simulated period
     * @param openShare      share of the cases left open part-way: their work stops after a drawn number of finished
     *                       tasks; half of them still have their open tasks taken, the others leave them waiting
     */
    public record Settings(int cases, long seed, int days, String officeCode, LocalDate from, double returnRate,
                           double lateRate, boolean deterministic, boolean returnOnce, boolean delegations,
                           List<String> sopCodes, double openShare) {

        public Settings {
            if (openShare < 0 || openShare > 1) {
                throw new IllegalArgumentException("open share must be within 0..1: " + openShare);
            }
        }

        /** Every case runs to its close. */
        public Settings(int cases, long seed, int days, String officeCode, LocalDate from, double returnRate,
                        double lateRate, boolean deterministic, boolean returnOnce, boolean delegations,
                        List<String> sopCodes) {
            this(cases, seed, days, officeCode, from, returnRate, lateRate, deterministic, returnOnce, delegations,
                    sopCodes, 0);
        }

        /** Each SOP of the office once, straight through or with one return at each decision. */
        public static Settings everySopOnce(String officeCode, int sopCount, boolean returnOnce) {
            return new Settings(sopCount, 1, 1, officeCode, LocalDate.of(2026, 3, 2), 0, 0, true, returnOnce, false,
                    List.of());
        }

        public Settings withOpenShare(double share) {
            return new Settings(cases, seed, days, officeCode, from, returnRate, lateRate, deterministic, returnOnce,
                    delegations, sopCodes, share);
        }
    }

    /** Per SOP and in total: what happened ({@code tasks}: tasks taken). */
    public record Tally(int cases, int closed, int tasks, int returns, int late, int failures) {
        Tally plus(Tally o) {
            return new Tally(cases + o.cases, closed + o.closed, tasks + o.tasks, returns + o.returns, late + o.late,
                    failures + o.failures);
        }
    }

    /** @param written the rows written in bulk, or null when the services wrote them */
    public record Result(Map<String, Tally> perSop, Tally total, List<String> failureMessages,
                         BulkHistory.Written written) {
    }

    private enum Kind { START, WORK, CLAIM, FINISH, RECEIVE }

    private record Event(Instant at, long seq, Kind kind, long caseId, long taskId, int startIndex) {
    }

    private final Supplier<SimulatedCases> backend;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final CalendarService calendars;

    /** Through the real services, one transaction per action, moving {@code clock}. */
    public Simulation(CaseService cases, CatalogService catalog, OrganizationService organization,
                      CalendarService calendars, MovableClock clock) {
        this(() -> new SimulatedCases.Services(cases, clock), catalog, organization, calendars);
    }

    /** In bulk: each run opens a session of {@code bulk} writing {@code casesPerTransaction} cases per transaction. */
    public static Simulation bulk(BulkHistory bulk, int casesPerTransaction, String officeCode, CatalogService catalog,
                                  OrganizationService organization, CalendarService calendars) {
        return new Simulation(() -> new SimulatedCases.Bulk(bulk.open(officeCode, casesPerTransaction)), catalog,
                organization, calendars);
    }

    private Simulation(Supplier<SimulatedCases> backend, CatalogService catalog, OrganizationService organization,
                       CalendarService calendars) {
        this.backend = backend;
        this.catalog = catalog;
        this.organization = organization;
        this.calendars = calendars;
    }

    public Result run(Settings settings) {
        try (SimulatedCases cases = backend.get()) {
            return new Run(settings, cases).go();
        }
    }

    /** What the run keeps of a case while it has events to come. */
    private static final class SimCase {
        final String code;
        final Pemohon pemohon;
        /** When left open: it stops once this many of its tasks are finished; -1 runs to the close. */
        final int stopAfter;
        /** When stopped: whether its open tasks are still taken (else they wait in the worklist). */
        final boolean claimsWhenStopped;
        final Set<Long> scheduled = new HashSet<>();
        final Set<Integer> returnedSteps = new HashSet<>();
        int pending;
        int finished;

        SimCase(String code, Pemohon pemohon, int stopAfter, boolean claimsWhenStopped) {
            this.code = code;
            this.pemohon = pemohon;
            this.stopAfter = stopAfter;
            this.claimsWhenStopped = claimsWhenStopped;
        }

        boolean stopped() {
            return stopAfter >= 0 && finished >= stopAfter;
        }
    }

    private record PlannedStart(String code, int stopAfter, boolean claimsWhenStopped) {
    }

    private final class Run {
        final Settings s;
        final SimulatedCases cases;
        final Random random;
        final WorkingCalendar calendar;
        final ZoneId zone;
        final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
        final Map<Long, SimCase> live = new HashMap<>();
        final Map<Integer, PlannedStart> pendingStarts = new HashMap<>();
        final Map<String, SopDefinition> sops = new LinkedHashMap<>();
        final Map<String, int[]> counts = new TreeMap<>(); // cases, closed, tasks, returns, late, failures
        final List<String> failures = new ArrayList<>();
        // The organization does not change during a run (delegations are made before the first case).
        final Map<String, List<AppUser>> holders = new HashMap<>();
        final Map<String, String> firstJabatan = new HashMap<>();
        long seq;
        Instant now;

        Run(Settings settings, SimulatedCases cases) {
            this.s = settings;
            this.cases = cases;
            this.random = new Random(settings.seed());
            this.calendar = calendars.calendarFor(settings.officeCode());
            this.zone = calendar.zone();
        }

        Result go() {
            List<String> codes = s.sopCodes() == null || s.sopCodes().isEmpty()
                    ? catalog.allBerlaku(s.officeCode()).stream().map(SopDefinition::code).toList() : s.sopCodes();
            for (String code : codes) {
                sops.put(code, catalog.berlaku(s.officeCode(), code).orElseThrow().definition());
                counts.put(code, new int[6]);
            }
            Instant start = calendar.nextWorkingMoment(s.from().atStartOfDay(zone).toInstant());
            long span = (long) s.days() * calendar.minutesPerWorkingDay();
            now = start;
            if (s.delegations()) {
                delegate(start);
            }
            List<String> order = new ArrayList<>(sops.keySet());
            for (int i = 0; i < s.cases(); i++) {
                // Tests walk every SOP in turn; a simulation draws them.
                String code = s.deterministic() ? order.get(i % order.size()) : order.get(random.nextInt(order.size()));
                Instant at = s.deterministic() ? start : calendar.plusWorkingMinutes(start, (long) (random.nextDouble() * span));
                int stopAfter = -1;
                boolean claimsWhenStopped = false;
                if (s.openShare() > 0 && random.nextDouble() < s.openShare()) {
                    // Fewer finished tasks than any way through the SOP needs: the case cannot close.
                    stopAfter = random.nextInt(Math.max(1, sops.get(code).steps().size() - 1));
                    claimsWhenStopped = random.nextBoolean();
                }
                pendingStarts.put(i, new PlannedStart(code, stopAfter, claimsWhenStopped));
                queue.add(new Event(at, seq++, Kind.START, -1, -1, i));
            }
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                now = e.at();
                SimCase c = e.kind() == Kind.START ? null : live.get(e.caseId());
                if (c != null) {
                    c.pending--;
                }
                try {
                    handle(e);
                } catch (RuntimeException ex) {
                    String code = c != null ? c.code : pendingStarts.get(e.startIndex()).code();
                    counts.get(code)[5]++;
                    if (failures.size() < 20) {
                        failures.add(code + " case " + e.caseId() + " " + e.kind() + ": " + ex);
                    }
                }
                if (e.kind() == Kind.START) {
                    pendingStarts.remove(e.startIndex());
                } else if (c != null && c.pending == 0) {
                    // Nothing more will happen to this case: closed, left open, or stuck after a failure.
                    if (cases.status(e.caseId()) == CaseStatus.CLOSED) {
                        counts.get(c.code)[1]++;
                    }
                    live.remove(e.caseId());
                    cases.done(e.caseId());
                }
            }
            Map<String, Tally> perSop = new LinkedHashMap<>();
            Tally total = new Tally(0, 0, 0, 0, 0, 0);
            for (Map.Entry<String, int[]> c : counts.entrySet()) {
                int[] v = c.getValue();
                Tally t = new Tally(v[0], v[1], v[2], v[3], v[4], v[5]);
                perSop.put(c.getKey(), t);
                total = total.plus(t);
            }
            cases.close();
            return new Result(perSop, total, failures, cases.written());
        }

        void schedule(Instant at, Kind kind, long caseId, long taskId) {
            live.get(caseId).pending++;
            queue.add(new Event(at, seq++, kind, caseId, taskId, -1));
        }

        void handle(Event e) {
            switch (e.kind()) {
                case START -> start(e);
                case WORK -> work(e.caseId());
                case CLAIM -> claim(e.caseId(), e.taskId());
                case FINISH -> finish(e.caseId(), e.taskId());
                case RECEIVE -> receive(e.caseId(), e.taskId());
            }
        }

        void start(Event e) {
            PlannedStart planned = pendingStarts.get(e.startIndex());
            String code = planned.code();
            SopDefinition sop = sops.get(code);
            Pemohon pemohon = pemohonFor(sop);
            String starter = pemohon.username() != null ? pemohon.username() : anyHolder(firstInternalJabatan(sop));
            Set<Integer> fulfilled = new HashSet<>();
            for (int i = 1; i <= 10; i++) {
                if (random.nextDouble() < 0.8) {
                    fulfilled.add(i);
                }
            }
            long caseId = cases.start(new CaseService.StartCase(s.officeCode(), code, pemohon, starter, true, fulfilled),
                    now);
            live.put(caseId, new SimCase(code, pemohon, planned.stopAfter(), planned.claimsWhenStopped()));
            counts.get(code)[0]++;
            schedule(now, Kind.WORK, caseId, -1);
        }

        void work(long caseId) {
            if (cases.status(caseId) != CaseStatus.OPEN) {
                return;
            }
            SimCase c = live.get(caseId);
            for (CaseDetail.Task task : cases.activeTasks(caseId)) {
                if (task.status() == TaskStatus.OPEN && c.scheduled.add(task.id())) {
                    schedule(later(s.deterministic() ? 1 : pickUp(c, task)), Kind.CLAIM, caseId, task.id());
                }
            }
        }

        void claim(long caseId, long taskId) {
            CaseDetail.Task task = active(caseId, taskId);
            if (task == null || task.status() != TaskStatus.OPEN) {
                return;
            }
            SimCase c = live.get(caseId);
            if (c.stopped() && !c.claimsWhenStopped) {
                return; // left open: the task waits in its jabatan's worklist
            }
            cases.act(taskId, Action.CLAIM, userFor(c, task), null, now);
            counts.get(c.code)[2]++;
            schedule(later(duration(c, task)), Kind.FINISH, caseId, taskId);
        }

        void finish(long caseId, long taskId) {
            CaseDetail.Task task = active(caseId, taskId);
            if (task == null) {
                return; // cancelled by a sibling's return
            }
            SimCase c = live.get(caseId);
            if (c.stopped()) {
                return; // left open: the task stays as it is
            }
            SopDefinition sop = sops.get(c.code);
            Step step = sop.step(task.step()).orElseThrow();
            if (task.deadline() != null && now.isAfter(task.deadline())) {
                counts.get(c.code)[4]++;
            }
            String user = task.claimedBy();
            if (cases.permittedActions(taskId, user, now).isEmpty()) {
                // The claimer's Plh ended meanwhile: a holder of the jabatan takes the task over.
                user = anyHolder(jabatan(task).get(0));
                cases.act(taskId, Action.TAKE_OVER, user, null, now);
            }
            if (task.kind() == TaskKind.HANDOFF) {
                cases.act(taskId, Action.HAND_OFF, user, null, now);
                schedule(later(s.deterministic() ? 5 : 30 + random.nextInt(300)), Kind.RECEIVE, caseId, taskId);
                return;
            }
            if (step.isDecision()) {
                decide(c, task, user);
            } else {
                cases.act(taskId, Action.COMPLETE, user, null, now);
            }
            c.finished++;
            schedule(now, Kind.WORK, caseId, -1);
        }

        void receive(long caseId, long taskId) {
            CaseDetail.Task task = active(caseId, taskId);
            if (task == null) {
                return;
            }
            SimCase c = live.get(caseId);
            if (c.stopped()) {
                return; // left open: the file stays with the institution
            }
            String user = anyHolder(jabatan(task).get(0));
            if (sops.get(c.code).step(task.step()).orElseThrow().isDecision()) {
                decide(c, task, user);
            } else {
                cases.act(taskId, Action.RECEIVE_BACK, user, "hasil diterima dari " + task.actor(), now);
            }
            c.finished++;
            schedule(now, Kind.WORK, caseId, -1);
        }

        void decide(SimCase c, CaseDetail.Task task, String user) {
            boolean back = s.deterministic() ? s.returnOnce() && c.returnedSteps.add(task.step())
                    : random.nextDouble() < (c.returnedSteps.contains(task.step()) ? s.returnRate() / 3 : s.returnRate());
            if (back) {
                c.returnedSteps.add(task.step());
                cases.act(task.id(), Action.RETURN, user, "belum sesuai: berkas perlu diperbaiki", now);
                counts.get(c.code)[3]++;
            } else {
                cases.act(task.id(), Action.APPROVE, user, null, now);
            }
        }

        CaseDetail.Task active(long caseId, long taskId) {
            return cases.activeTasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElse(null);
        }

        /** The task's candidate jabatan in code order, whatever order the database's collation reads them in. */
        List<String> jabatan(CaseDetail.Task task) {
            return task.jabatan().stream().sorted().toList();
        }

        /** Working minutes before someone takes a task: up to a tenth of its standard time. */
        long pickUp(SimCase c, CaseDetail.Task task) {
            return 1 + (long) (random.nextDouble() * standard(c, task) / 10.0);
        }

        /** Working minutes the step takes once taken: around its Waktu, a share of steps late. */
        long duration(SimCase c, CaseDetail.Task task) {
            if (s.deterministic()) {
                return 1;
            }
            long standard = standard(c, task);
            double factor = random.nextDouble() < s.lateRate() ? 1.1 + random.nextDouble() * 1.4 : 0.3 + random.nextDouble() * 0.55;
            return Math.max(1, Math.round(standard * factor));
        }

        long standard(SimCase c, CaseDetail.Task task) {
            StandardTime t = sops.get(c.code).step(task.step()).orElseThrow().waktu();
            return switch (t.unit()) {
                case WORKING_MINUTES -> t.amount();
                case WORKING_DAYS -> (long) t.amount() * calendar.minutesPerWorkingDay();
                case CALENDAR_MONTHS -> (long) t.amount() * 21 * calendar.minutesPerWorkingDay();
                case UNKNOWN -> 60;
            };
        }

        Instant later(long workingMinutes) {
            return calendar.plusWorkingMinutes(now, workingMinutes);
        }

        String userFor(SimCase c, CaseDetail.Task task) {
            if (task.kind() == TaskKind.PEMOHON && c.pemohon.username() != null && (s.deterministic() || random.nextBoolean())) {
                return c.pemohon.username();
            }
            List<String> jabatan = jabatan(task);
            return anyHolder(jabatan.get(random.nextInt(jabatan.size())));
        }

        String anyHolder(String jabatanCode) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<AppUser> found = holders.computeIfAbsent(jabatanCode + "@" + today,
                    k -> organization.holders(s.officeCode(), jabatanCode, today));
            if (found.isEmpty()) {
                throw new IllegalStateException("no one holds jabatan " + jabatanCode + " on " + today);
            }
            return found.get(s.deterministic() ? 0 : random.nextInt(found.size())).username();
        }

        String firstInternalJabatan(SopDefinition sop) {
            return firstJabatan.computeIfAbsent(sop.code(), code -> {
                for (Step step : sop.steps()) {
                    for (String actor : step.actors()) {
                        if (sop.actor(actor).orElseThrow().kind() == ActorKind.INTERNAL) {
                            return organization.jabatanFor(s.officeCode(), code, actor).get(0).code();
                        }
                    }
                }
                throw new IllegalStateException("SOP " + code + " has no internal actor");
            });
        }

        Pemohon pemohonFor(SopDefinition sop) {
            boolean employee = sop.actors().stream().anyMatch(a -> a.kind() == ActorKind.PEMOHON)
                    && sop.code().startsWith("UMM");
            if (employee) {
                return new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null);
            }
            boolean cooperative = sop.code().startsWith("KOP");
            int n = random.nextInt(900) + 100;
            return cooperative
                    ? new Pemohon(Pemohon.Kind.ORGANIZATION, "Koperasi Simulasi " + n, null, null, "08123" + n + "000")
                    : new Pemohon(Pemohon.Kind.PERSON, "Pelaku UKM Simulasi " + n, null, null, "08567" + n + "000");
        }

        /** A few Plh during the period: a staff member acts for an absent colleague for a week. */
        void delegate(Instant start) {
            List<Jabatan> jabatan = organization.jabatan(s.officeCode());
            LocalDate first = LocalDate.ofInstant(start, zone);
            int count = Math.max(1, jabatan.size() / 8);
            for (int i = 0; i < count; i++) {
                Jabatan absent = jabatan.get(random.nextInt(jabatan.size()));
                List<AppUser> others = organization.users(s.officeCode()).stream()
                        .filter(u -> u.active() && u.jabatanCode() != null && !u.jabatanCode().equals(absent.code()))
                        .toList();
                if (others.isEmpty()) {
                    continue;
                }
                AppUser delegate = others.get(random.nextInt(others.size()));
                LocalDate from = first.plusDays(random.nextInt(Math.max(1, s.days())));
                organization.delegate(new DelegationRequest(s.officeCode(), delegate.username(), absent.code(),
                        DelegationKind.PLH, from, from.plusDays(6), "simulasi: pejabat cuti", "simulate"));
            }
        }
    }
}
