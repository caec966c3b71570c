package id.sopan.simulation;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.calendar.WorkingCalendar;
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

/**
 * Runs cases through the real services in simulated time: a queue of timed user actions, the clock set to
 * each action's moment. Users are demo holders of the tasks' jabatan (or their delegates); how long a step
 * takes is drawn around its Waktu, some late; decisions return "belum sesuai" with some probability.
 * Nothing is short-cut: every action goes through {@link CaseService} and its own transaction.
 */
public final class Simulation {

    /**
     * @param returnRate     chance that a decision returns the file the first time it is reached
     * @param lateRate       chance that a step takes longer than its Waktu
     * @param deterministic  for tests: every SOP in turn, all started at once, one-minute steps, first holders
     * @param returnOnce     with {@code deterministic}: every decision returns exactly once (else never)
     * @param delegations    whether to create a few Plh delegations during the simulated period
     */
    public record Settings(int cases, long seed, int days, String officeCode, LocalDate from, double returnRate,
                           double lateRate, boolean deterministic, boolean returnOnce, boolean delegations,
                           List<String> sopCodes) {

        /** Each SOP of the office once, straight through or with one return at each decision. */
        public static Settings everySopOnce(String officeCode, int sopCount, boolean returnOnce) {
            return new Settings(sopCount, 1, 1, officeCode, LocalDate.of(2026, 3, 2), 0, 0, true, returnOnce, false,
                    List.of());
        }
    }

    /** Per SOP and in total: what happened. */
    public record Tally(int cases, int closed, int tasks, int returns, int late, int failures) {
        Tally plus(Tally o) {
            return new Tally(cases + o.cases, closed + o.closed, tasks + o.tasks, returns + o.returns, late + o.late,
                    failures + o.failures);
        }
    }

    public record Result(Map<String, Tally> perSop, Tally total, List<String> failureMessages) {
    }

    private enum Kind { START, WORK, CLAIM, FINISH, RECEIVE }

    private record Event(Instant at, long seq, Kind kind, long caseId, long taskId, int startIndex) {
    }

    private final CaseService cases;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final CalendarService calendars;
    private final MovableClock clock;

    public Simulation(CaseService cases, CatalogService catalog, OrganizationService organization,
                      CalendarService calendars, MovableClock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.organization = organization;
        this.calendars = calendars;
        this.clock = clock;
    }

    public Result run(Settings settings) {
        return new Run(settings).go();
    }

    private final class Run {
        final Settings s;
        final Random random;
        final WorkingCalendar calendar;
        final ZoneId zone;
        final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
                ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
        final Map<Long, String> sopOfCase = new HashMap<>();
        final Map<Long, Pemohon> pemohonOfCase = new HashMap<>();
        final Map<String, SopDefinition> sops = new LinkedHashMap<>();
        final Set<Long> scheduled = new HashSet<>();
        final Set<String> returnedOnce = new HashSet<>();
        final Map<String, int[]> counts = new TreeMap<>(); // cases, closed, tasks, returns, late, failures
        final List<String> failures = new ArrayList<>();
        long seq;

        Run(Settings settings) {
            this.s = settings;
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
            if (s.delegations()) {
                delegate(start);
            }
            List<String> order = new ArrayList<>(sops.keySet());
            for (int i = 0; i < s.cases(); i++) {
                // Tests walk every SOP in turn; a simulation draws them.
                String code = s.deterministic() ? order.get(i % order.size()) : order.get(random.nextInt(order.size()));
                Instant at = s.deterministic() ? start : calendar.plusWorkingMinutes(start, (long) (random.nextDouble() * span));
                schedule(at, Kind.START, -1, -1, i, code);
            }
            while (!queue.isEmpty()) {
                Event e = queue.poll();
                clock.set(e.at());
                try {
                    handle(e);
                } catch (RuntimeException ex) {
                    String code = e.kind() == Kind.START ? pendingStarts.get(e.startIndex()) : sopOfCase.get(e.caseId());
                    counts.get(code)[5]++;
                    if (failures.size() < 20) {
                        failures.add(code + " case " + e.caseId() + " " + e.kind() + ": " + ex);
                    }
                }
            }
            for (Map.Entry<Long, String> c : sopOfCase.entrySet()) {
                if (cases.status(c.getKey()) == CaseStatus.CLOSED) {
                    counts.get(c.getValue())[1]++;
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
            return new Result(perSop, total, failures);
        }

        final Map<Integer, String> pendingStarts = new HashMap<>();

        void schedule(Instant at, Kind kind, long caseId, long taskId, int startIndex, String code) {
            if (kind == Kind.START) {
                pendingStarts.put(startIndex, code);
            }
            queue.add(new Event(at, seq++, kind, caseId, taskId, startIndex));
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
            String code = pendingStarts.remove(e.startIndex());
            SopDefinition sop = sops.get(code);
            Pemohon pemohon = pemohonFor(sop);
            String starter = pemohon.username() != null ? pemohon.username() : anyHolder(firstInternalJabatan(sop));
            Set<Integer> fulfilled = new HashSet<>();
            for (int i = 1; i <= 10; i++) {
                if (random.nextDouble() < 0.8) {
                    fulfilled.add(i);
                }
            }
            CaseService.Started started = cases.start(new CaseService.StartCase(s.officeCode(), code, pemohon, starter,
                    true, fulfilled));
            sopOfCase.put(started.caseId(), code);
            pemohonOfCase.put(started.caseId(), pemohon);
            counts.get(code)[0]++;
            schedule(clock.instant(), Kind.WORK, started.caseId(), -1, -1, null);
        }

        void work(long caseId) {
            if (cases.status(caseId) != CaseStatus.OPEN) {
                return;
            }
            for (CaseDetail.Task task : cases.activeTasks(caseId)) {
                if (task.status() == TaskStatus.OPEN && scheduled.add(task.id())) {
                    schedule(later(s.deterministic() ? 1 : pickUp(caseId, task)), Kind.CLAIM, caseId, task.id(), -1, null);
                }
            }
        }

        void claim(long caseId, long taskId) {
            CaseDetail.Task task = cases.activeTasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElse(null);
            if (task == null || task.status() != TaskStatus.OPEN) {
                return;
            }
            cases.act(taskId, Action.CLAIM, userFor(caseId, task), null, null);
            counts.get(sopOfCase.get(caseId))[2]++;
            schedule(later(duration(caseId, task)), Kind.FINISH, caseId, taskId, -1, null);
        }

        void finish(long caseId, long taskId) {
            CaseDetail.Task task = cases.activeTasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElse(null);
            if (task == null) {
                return; // cancelled by a sibling's return
            }
            String code = sopOfCase.get(caseId);
            SopDefinition sop = sops.get(code);
            Step step = sop.step(task.step()).orElseThrow();
            if (task.deadline() != null && clock.instant().isAfter(task.deadline())) {
                counts.get(code)[4]++;
            }
            String user = task.claimedBy();
            if (cases.permittedActions(taskId, user).isEmpty()) {
                // The claimer's Plh ended meanwhile: a holder of the jabatan takes the task over.
                user = anyHolder(task.jabatan().get(0));
                cases.act(taskId, Action.TAKE_OVER, user, null, null);
            }
            if (task.kind() == TaskKind.HANDOFF) {
                cases.act(taskId, Action.HAND_OFF, user, null, null);
                schedule(later(s.deterministic() ? 5 : 30 + random.nextInt(300)), Kind.RECEIVE, caseId, taskId, -1, null);
                return;
            }
            if (step.isDecision()) {
                decide(caseId, task, user, code);
            } else {
                cases.act(taskId, Action.COMPLETE, user, null, null);
            }
            schedule(clock.instant(), Kind.WORK, caseId, -1, -1, null);
        }

        void receive(long caseId, long taskId) {
            CaseDetail.Task task = cases.activeTasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElse(null);
            if (task == null) {
                return;
            }
            String code = sopOfCase.get(caseId);
            String user = anyHolder(task.jabatan().get(0));
            if (sops.get(code).step(task.step()).orElseThrow().isDecision()) {
                decide(caseId, task, user, code);
            } else {
                cases.act(taskId, Action.RECEIVE_BACK, user, "hasil diterima dari " + task.actor(), null);
            }
            schedule(clock.instant(), Kind.WORK, caseId, -1, -1, null);
        }

        void decide(long caseId, CaseDetail.Task task, String user, String code) {
            String key = caseId + "/" + task.step();
            boolean back = s.deterministic() ? s.returnOnce() && returnedOnce.add(key)
                    : random.nextDouble() < (returnedOnce.contains(key) ? s.returnRate() / 3 : s.returnRate());
            if (back) {
                returnedOnce.add(key);
                cases.act(task.id(), Action.RETURN, user, "belum sesuai: berkas perlu diperbaiki", null);
                counts.get(code)[3]++;
            } else {
                cases.act(task.id(), Action.APPROVE, user, null, null);
            }
        }

        /** Working minutes before someone takes a task: up to a tenth of its standard time. */
        long pickUp(long caseId, CaseDetail.Task task) {
            return 1 + (long) (random.nextDouble() * standard(caseId, task) / 10.0);
        }

        /** Working minutes the step takes once taken: around its Waktu, a share of steps late. */
        long duration(long caseId, CaseDetail.Task task) {
            if (s.deterministic()) {
                return 1;
            }
            long standard = standard(caseId, task);
            double factor = random.nextDouble() < s.lateRate() ? 1.1 + random.nextDouble() * 1.4 : 0.3 + random.nextDouble() * 0.55;
            return Math.max(1, Math.round(standard * factor));
        }

        long standard(long caseId, CaseDetail.Task task) {
            StandardTime t = sops.get(sopOfCase.get(caseId)).step(task.step()).orElseThrow().waktu();
            return switch (t.unit()) {
                case WORKING_MINUTES -> t.amount();
                case WORKING_DAYS -> (long) t.amount() * calendar.minutesPerWorkingDay();
                case CALENDAR_MONTHS -> (long) t.amount() * 21 * calendar.minutesPerWorkingDay();
                case UNKNOWN -> 60;
            };
        }

        Instant later(long workingMinutes) {
            return calendar.plusWorkingMinutes(clock.instant(), workingMinutes);
        }

        String userFor(long caseId, CaseDetail.Task task) {
            Pemohon pemohon = pemohonOfCase.get(caseId);
            if (task.kind() == TaskKind.PEMOHON && pemohon.username() != null && (s.deterministic() || random.nextBoolean())) {
                return pemohon.username();
            }
            return anyHolder(task.jabatan().get(random.nextInt(task.jabatan().size())));
        }

        String anyHolder(String jabatanCode) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            List<AppUser> holders = organization.holders(s.officeCode(), jabatanCode, today);
            if (holders.isEmpty()) {
                throw new IllegalStateException("no one holds jabatan " + jabatanCode + " on " + today);
            }
            return holders.get(s.deterministic() ? 0 : random.nextInt(holders.size())).username();
        }

        String firstInternalJabatan(SopDefinition sop) {
            for (Step step : sop.steps()) {
                for (String actor : step.actors()) {
                    if (sop.actor(actor).orElseThrow().kind() == ActorKind.INTERNAL) {
                        return organization.jabatanFor(s.officeCode(), sop.code(), actor).get(0).code();
                    }
                }
            }
            throw new IllegalStateException("SOP " + sop.code() + " has no internal actor");
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
