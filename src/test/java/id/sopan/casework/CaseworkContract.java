package id.sopan.casework;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.engine.Action;
import id.sopan.engine.CaseStatus;
import id.sopan.engine.IllegalActionException;
import id.sopan.engine.TaskKind;
import id.sopan.engine.TaskStatus;
import id.sopan.organization.DelegationKind;
import id.sopan.organization.DelegationRequest;
import id.sopan.organization.OrganizationService;
import id.sopan.sop.StandardTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases stored and worked by the demo users; run on H2 and on PostgreSQL. */
@SpringBootTest(properties = {"sopan.clock=movable", "sopan.sla.initial-delay=PT24H",
        "sopan.attachments.dir=target/test-attachments", "sopan.attachments.max-bytes=2048"})
abstract class CaseworkContract {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday 2 March 2026, 08:00 WIB: a working day. */
    static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    @Autowired
    CaseService cases;
    @Autowired
    AuditService audit;
    @Autowired
    CalendarService calendars;
    @Autowired
    OrganizationService organization;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlaWatch sla;
    @Autowired
    AttachmentService attachments;
    @Autowired
    CaseRepository repository;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    void morning() {
        clock.set(MONDAY_0800);
    }

    CaseService.Started cutiTahunan() {
        return cases.start(new CaseService.StartCase(OFFICE, "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Pegawai Demo", "pegawai", null, null), "pegawai", true, Set.of(1, 2)));
    }

    CaseDetail.Task current(long caseId) {
        CaseDetail detail = cases.detail(caseId);
        return detail.tasks().stream()
                .filter(t -> t.step() == detail.currentStep() && !t.status().isFinal())
                .findFirst().orElseThrow();
    }

    /** Claims and finishes the current task as {@code user}, advancing the clock a quarter of an hour. */
    void work(long caseId, String user, Action finish, String note) {
        clock.advance(Duration.ofMinutes(15));
        CaseDetail.Task task = current(caseId);
        cases.act(task.id(), Action.CLAIM, user, null, null);
        clock.advance(Duration.ofMinutes(15));
        cases.act(task.id(), finish, user, note, null);
    }

    @Test
    void aCutiTahunanCaseGoesFromThePemohonToTheArchiveWithOneReturn() {
        CaseService.Started started = cutiTahunan();
        assertThat(started.registrationNo()).matches("DKUKM/2026/\\d{6}");
        long id = started.caseId();
        CaseDetail detail = cases.detail(id);
        assertThat(detail.currentStep()).isEqualTo(2);
        assertThat(detail.requirements()).hasSize(5).extracting(Requirement::fulfilled)
                .containsExactly(true, true, false, false, false);

        // Step 2 lands in Staf Kepegawaian's worklist, due 30 working minutes later on the office calendar.
        CaseDetail.Task check = current(id);
        assertThat(check.jabatan()).containsExactly("STAF-KEPEGAWAIAN");
        assertThat(check.deadline()).isEqualTo(calendars.calendarFor(OFFICE)
                .deadline(MONDAY_0800, StandardTime.parse("30 menit").orElseThrow()));
        assertThat(check.deadline()).isAfter(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(cases.worklist("staf.kepegawaian", 50)).extracting(WorklistItem::taskId).contains(check.id());
        assertThat(cases.worklist("kadis", 50)).extracting(WorklistItem::taskId).doesNotContain(check.id());
        assertThat(cases.permittedActions(check.id(), "staf.kepegawaian")).containsExactly(Action.CLAIM);
        assertThat(cases.permittedActions(check.id(), "kadis")).isEmpty();
        // The worklist's items carry the same actions, decided from the rows it read.
        assertThat(cases.worklistItem(check.id(), "staf.kepegawaian")).get().extracting(WorklistItem::permitted)
                .isEqualTo(java.util.Set.of(Action.CLAIM));

        // Belum sesuai: back to the pemohon, who hands in the file again.
        work(id, "staf.kepegawaian", Action.RETURN, "KTP belum dilegalisir");
        assertThat(cases.detail(id).currentStep()).isEqualTo(1);
        assertThat(cases.detail(id).returns()).isEqualTo(1);
        CaseDetail.Task resubmit = current(id);
        assertThat(resubmit.kind()).isEqualTo(TaskKind.PEMOHON);
        // The pemohon finds the step in their own worklist.
        assertThat(cases.worklist("pegawai", 50)).extracting(WorklistItem::taskId).contains(resubmit.id());
        work(id, "pegawai", Action.COMPLETE, null);

        work(id, "staf.kepegawaian", Action.APPROVE, null);
        work(id, "kasubbag.umum", Action.COMPLETE, null);
        work(id, "sekdis", Action.APPROVE, null);
        work(id, "kadis", Action.COMPLETE, null);
        work(id, "kasubbag.umum", Action.COMPLETE, null);
        // Step 7 is BKD's: Kasubbag Umum hands the file over and later receives the permit back.
        CaseDetail.Task bkd = current(id);
        assertThat(bkd.kind()).isEqualTo(TaskKind.HANDOFF);
        assertThat(bkd.jabatan()).containsExactly("KASUBBAG-UMUM");
        work(id, "kasubbag.umum", Action.HAND_OFF, null);
        clock.advance(Duration.ofHours(20));
        cases.act(bkd.id(), Action.RECEIVE_BACK, "kasubbag.umum", "Surat izin cuti tahunan No. 851/123/BKD", null);
        work(id, "kasubbag.umum", Action.COMPLETE, null);
        work(id, "staf.kepegawaian", Action.COMPLETE, null);
        work(id, "pegawai", Action.COMPLETE, null);

        CaseDetail done = cases.detail(id);
        assertThat(done.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(done.endedAt()).isNotNull();
        assertThat(done.history()).extracting(CaseDetail.Event::type).startsWith("CASE_STARTED", "STEP_DONE")
                .contains("DECISION_RETURNED", "HANDED_OFF", "RECEIVED_BACK").endsWith("CASE_CLOSED");
        CaseDetail.Event returned = done.history().stream().filter(e -> e.type().equals("DECISION_RETURNED"))
                .findFirst().orElseThrow();
        assertThat(returned.username()).isEqualTo("staf.kepegawaian");
        assertThat(returned.actingJabatan()).isEqualTo("STAF-KEPEGAWAIAN");
        assertThat(returned.fromStep()).isEqualTo(2);
        assertThat(returned.toStep()).isEqualTo(1);
        assertThat(returned.note()).isEqualTo("KTP belum dilegalisir");
        assertThat(audit.verifyCase(id)).isEmpty();
        // Worklist entries live only while their task is open (V20); an ended task keeps its candidates.
        assertThat(worklistEntries(id)).isZero();
        assertThat(done.tasks()).filteredOn(t -> t.step() == 2).isNotEmpty()
                .allSatisfy(t -> assertThat(t.jabatan()).containsExactly("STAF-KEPEGAWAIAN"));
    }

    long worklistEntries(long caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM case_task_candidate k JOIN case_task t ON t.id = k.task_id WHERE t.case_id = :c
                """).param("c", caseId).query(Long.class).single();
    }

    @Test
    void registrationNumbersFollowEachOtherPerOfficeAndYear() {
        String first = cutiTahunan().registrationNo();
        String second = cutiTahunan().registrationNo();
        int a = Integer.parseInt(first.substring(first.lastIndexOf('/') + 1));
        int b = Integer.parseInt(second.substring(second.lastIndexOf('/') + 1));
        assertThat(b).isEqualTo(a + 1);
    }

    @Test
    void anotherJabatanCannotClaimOrComplete() {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        assertThatThrownBy(() -> cases.act(check.id(), Action.CLAIM, "kadis", null, null))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("kadis").hasMessageContaining("step 2");
        cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null);
        assertThatThrownBy(() -> cases.act(check.id(), Action.APPROVE, "sekdis", null, null))
                .isInstanceOf(NotAllowedException.class);
        assertThat(cases.detail(id).history()).hasSize(3); // started, step 1 done, claimed
    }

    @Test
    void aDelegateActsForTheJabatanOnlyWithinItsDates() {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        LocalDate today = LocalDate.ofInstant(MONDAY_0800, WIB);
        organization.delegate(new DelegationRequest(OFFICE, "staf.umum", "STAF-KEPEGAWAIAN", DelegationKind.PLH,
                today.plusDays(1), today.plusDays(3), "cuti", "kasubbag.umum"));
        assertThatThrownBy(() -> cases.act(check.id(), Action.CLAIM, "staf.umum", null, null))
                .isInstanceOf(NotAllowedException.class);
        clock.advance(Duration.ofDays(1));
        cases.act(check.id(), Action.CLAIM, "staf.umum", null, null);
        CaseDetail.Event claimed = cases.detail(id).history().get(2);
        assertThat(claimed.username()).isEqualTo("staf.umum");
        assertThat(claimed.actingJabatan()).isEqualTo("STAF-KEPEGAWAIAN");
        assertThat(claimed.onBehalfOf()).isEqualTo("PLH:staf.kepegawaian");
    }

    /**
     * As whom a user acts is kept per node under the organization's stamp: a delegation given, and a user deactivated,
     * after the user was asked for take effect at the next worklist and action.
     */
    @Test
    void aDelegationAndADeactivationTakeEffectAtTheNextWorklistAndAction() {
        clock.set(MONDAY_0800.plus(Duration.ofDays(7))); // a day of its own: other tests see no delegation
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        assertThat(cases.worklist("staf.pelaporan", 500)).noneMatch(w -> w.taskId() == check.id());
        assertThatThrownBy(() -> cases.act(check.id(), Action.CLAIM, "staf.pelaporan", null, null))
                .isInstanceOf(NotAllowedException.class);

        LocalDate day = LocalDate.ofInstant(clock.instant(), WIB);
        organization.delegate(new DelegationRequest(OFFICE, "staf.pelaporan", "STAF-KEPEGAWAIAN", DelegationKind.PLH,
                day, day, "tugas luar", "kasubbag.umum"));
        assertThat(cases.worklist("staf.pelaporan", 500)).anyMatch(w -> w.taskId() == check.id());
        assertThat(cases.worklistItem(check.id(), "staf.pelaporan")).get().extracting(WorklistItem::permitted)
                .isEqualTo(java.util.Set.of(Action.CLAIM));
        cases.act(check.id(), Action.CLAIM, "staf.pelaporan", null, null);
        assertThat(cases.worklist("staf.pelaporan", 500)).filteredOn(w -> w.taskId() == check.id()).singleElement()
                .extracting(WorklistItem::permitted)
                .isEqualTo(cases.permittedActions(check.id(), "staf.pelaporan"));
        assertThat(cases.detail(id).history().get(2).onBehalfOf()).isEqualTo("PLH:staf.kepegawaian");

        int version = organization.user("staf.pelaporan").orElseThrow().version();
        organization.setActive("staf.pelaporan", false, version);
        try {
            assertThatThrownBy(() -> cases.act(check.id(), Action.APPROVE, "staf.pelaporan", null, null))
                    .isInstanceOf(NotAllowedException.class);
            assertThat(cases.worklist("staf.pelaporan", 500)).noneMatch(w -> w.taskId() == check.id());
            assertThat(cases.permittedActions(check.id(), "staf.pelaporan")).isEmpty();
        } finally {
            organization.setActive("staf.pelaporan", true, version + 1);
        }
        cases.act(check.id(), Action.APPROVE, "staf.pelaporan", null, null);
        assertThat(current(id).step()).isGreaterThan(check.step());
    }

    @Test
    void ofTwoUsersCompletingTheSameTaskExactlyOneSucceeds() throws Exception {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null);
        int threads = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<String> approve = () -> {
                go.await();
                try {
                    cases.act(check.id(), Action.APPROVE, "staf.kepegawaian", null, null);
                    return "ok";
                } catch (IllegalActionException | CaseConflictException e) {
                    return "conflict";
                }
            };
            results.add(pool.submit(approve));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("ok").hasSize(threads);
        assertThat(cases.detail(id).history()).filteredOn(e -> e.type().equals("DECISION_APPROVED")).hasSize(1);
        assertThat(cases.detail(id).currentStep()).isEqualTo(3);
    }

    /**
     * Tasks of one SOP step finished by one user at once, on different cases, share one tally row: each is counted
     * once (no update lost, no insert racing another into a failure), and the late ones are each copied.
     */
    @Test
    void tasksFinishedAtOnceAreEachCountedOnceInTheirTally() throws Exception {
        // A month no other test works in: its tally rows are this test's alone.
        Instant monday = LocalDateTime.parse("2026-05-04T08:00").atZone(WIB).toInstant();
        clock.set(monday);
        int perWave = 12;
        List<Long> tasks = new ArrayList<>();
        for (int i = 0; i < 2 * perWave; i++) {
            long id = cutiTahunan().caseId();
            long task = current(id).id();
            cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
            tasks.add(task);
        }
        clock.set(monday.plus(Duration.ofMinutes(10)));
        approveAtOnce(tasks.subList(0, perWave));
        // Step 2 takes 30 working minutes: two hours later the second wave is late.
        clock.set(monday.plus(Duration.ofHours(2)));
        approveAtOnce(tasks.subList(perWave, 2 * perWave));

        List<String> tally = jdbc.sql("""
                        SELECT done, with_deadline, on_time, returned FROM task_tally
                         WHERE ended_month = :month AND sop_code = 'UMM-06' AND step_no = 2
                           AND claimed_by = 'staf.kepegawaian'
                        """).param("month", LocalDate.of(2026, 5, 1))
                .query((rs, n) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " " + rs.getLong(4))
                .list();
        assertThat(tally).containsExactly((2 * perWave) + " " + (2 * perWave) + " " + perWave + " 0");
        assertThat(jdbc.sql("SELECT task_id FROM late_task WHERE task_id IN (:ids) ORDER BY task_id")
                .param("ids", tasks).query(Long.class).list())
                .containsExactlyElementsOf(tasks.subList(perWave, 2 * perWave));
    }

    private void approveAtOnce(List<Long> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> results = new ArrayList<>();
        for (long task : tasks) {
            results.add(pool.submit(() -> {
                go.await();
                cases.act(task, Action.APPROVE, "staf.kepegawaian", null, null);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : results) {
            f.get();
        }
        pool.shutdown();
    }

    @Test
    void aRetriedRequestWithTheSameKeyActsOnce() {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        CaseService.ActionResult first = cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, "k-1");
        CaseService.ActionResult again = cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, "k-1");
        assertThat(again).isEqualTo(first);
        assertThat(first.taskStatus()).isEqualTo(TaskStatus.CLAIMED);
        assertThat(cases.detail(id).history()).filteredOn(e -> e.type().equals("TASK_CLAIMED")).hasSize(1);
        assertThatThrownBy(() -> cases.act(check.id(), Action.APPROVE, "staf.kepegawaian", null, "k-1"))
                .isInstanceOf(CaseConflictException.class).hasMessageContaining("k-1");
    }

    /**
     * A transaction's last batch carries its COMMIT on PostgreSQL, so a version check in it must fail before the
     * commit: the rows written before it in the same transaction, and in the same batch, are not kept.
     */
    @Test
    void aVersionCheckThatFailsInTheLastBatchCommitsNothing() {
        long taskId = current(cutiTahunan().caseId()).id();
        String earlier = "earlier-" + System.nanoTime();
        String sameBatch = "same-batch-" + System.nanoTime();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            StatementBatch first = repository.batch();
            repository.rememberIdempotent(first, earlier, "staf.kepegawaian", "0".repeat(64), "-", clock.instant());
            first.send();
            StatementBatch last = repository.batch();
            repository.rememberIdempotent(last, sameBatch, "staf.kepegawaian", "0".repeat(64), "-", clock.instant());
            repository.updateTask(last, taskId, 99, TaskStatus.OPEN, TaskStatus.CLAIMED, "staf.kepegawaian", null);
            last.sendAndCommit();
        })).isInstanceOf(CaseConflictException.class).hasMessage("task " + taskId
                + " was changed by someone else; reload and try again");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key IN (:a, :b)")
                .param("a", earlier).param("b", sameBatch).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM case_task WHERE id = :t").param("t", taskId).query(String.class).single())
                .isEqualTo("OPEN");
    }

    /** An idempotency key taken meanwhile (by a request on another case) undoes the action it was to remember. */
    @Test
    void aKeyTakenMeanwhileUndoesTheActionItWasToRemember() {
        String key = "taken-" + System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            StatementBatch batch = repository.batch();
            repository.rememberIdempotent(batch, key, "staf.kepegawaian", "1".repeat(64), "-", clock.instant());
            batch.send();
        });
        String written = "written-" + System.nanoTime();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            StatementBatch last = repository.batch();
            repository.rememberIdempotent(last, written, "staf.kepegawaian", "0".repeat(64), "-", clock.instant());
            repository.rememberIdempotent(last, key, "staf.kepegawaian", "0".repeat(64), "-", clock.instant());
            last.sendAndCommit();
        })).isInstanceOf(CaseConflictException.class).hasMessage("idempotency key " + key + " was used for another request");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = :k").param("k", written)
                .query(Long.class).single()).isZero();
    }

    /** An action joined to its caller's transaction leaves the commit to the caller: rolled back, it never happened. */
    @Test
    void anActionInsideTheCallersTransactionIsNotCommittedBeforeIt() {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null).taskStatus())
                    .isEqualTo(TaskStatus.CLAIMED);
            status.setRollbackOnly();
        });
        assertThat(current(id).status()).isEqualTo(TaskStatus.OPEN);
        assertThat(cases.detail(id).history()).noneMatch(e -> e.type().equals("TASK_CLAIMED"));
        assertThat(cases.act(check.id(), Action.CLAIM, "staf.kepegawaian", null, null).taskStatus())
                .isEqualTo(TaskStatus.CLAIMED);
    }

    @Test
    void aTamperedHistoryRowIsDetected() {
        long id = cutiTahunan().caseId();
        work(id, "staf.kepegawaian", Action.APPROVE, null);
        assertThat(audit.verifyCase(id)).isEmpty();
        jdbc.sql("UPDATE case_event SET note = 'diubah' WHERE case_id = :c AND seq = 3").param("c", id).update();
        assertThat(audit.verifyCase(id)).extracting(AuditService.Break::seq, AuditService.Break::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "content does not match its hash"));
        AuditService.Report report = audit.verifyAll();
        assertThat(report.ok()).isFalse();
        assertThat(report.breaks()).extracting(AuditService.Break::caseId).contains(id);
        jdbc.sql("UPDATE case_event SET note = NULL WHERE case_id = :c AND seq = 3").param("c", id).update();
        assertThat(audit.verifyCase(id)).isEmpty();
        jdbc.sql("DELETE FROM case_event WHERE case_id = :c AND seq = 2").param("c", id).update();
        assertThat(audit.verifyCase(id)).extracting(AuditService.Break::reason)
                .anyMatch(r -> r.contains("sequence gap"));
    }

    @Test
    void aCancelledCaseLeavesNoOpenTask() {
        long id = cutiTahunan().caseId();
        cases.cancel(id, "kasubbag.umum", "permohonan ditarik pemohon");
        CaseDetail detail = cases.detail(id);
        assertThat(detail.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(detail.tasks()).allMatch(t -> t.status().isFinal());
        assertThat(detail.history().get(detail.history().size() - 1).note()).isEqualTo("permohonan ditarik pemohon");
        assertThat(cases.worklist("staf.kepegawaian", 100)).noneMatch(w -> w.caseId() == id);
        assertThat(worklistEntries(id)).isZero();
    }

    @Test
    void anOverdueTaskIsNotifiedOnceEvenWithTwoNodesWatching() throws Exception {
        long id = cutiTahunan().caseId();
        CaseDetail.Task check = current(id);
        clock.set(check.deadline().plusSeconds(60));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> watch = () -> {
            go.await();
            return sla.markOverdue();
        };
        Future<Integer> a = nodes.submit(watch);
        Future<Integer> b = nodes.submit(watch);
        go.countDown();
        int marked = a.get() + b.get();
        nodes.shutdown();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_task WHERE case_id = :c AND overdue_at IS NOT NULL")
                .param("c", id).query(Long.class).single()).isEqualTo(1);
        assertThat(marked).isGreaterThanOrEqualTo(1);
        assertThat(sla.unread("staf.kepegawaian")).filteredOn(n -> n.caseId() == id).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("OVERDUE_HOLDER"));
        assertThat(sla.unread("kasubbag.umum")).filteredOn(n -> n.caseId() == id).singleElement()
                .satisfies(n -> assertThat(n.kind()).isEqualTo("OVERDUE_ATASAN"));
        assertThat(sla.markOverdue()).isZero();
        assertThat(cases.detail(id).history()).filteredOn(e -> e.type().equals("TASK_OVERDUE")).hasSize(1);
        assertThat(cases.worklist("staf.kepegawaian", 100)).filteredOn(w -> w.caseId() == id).singleElement()
                .satisfies(w -> assertThat(w.overdue()).isTrue());
        assertThat(audit.verifyCase(id)).isEmpty();
    }

    @Test
    void attachmentsAreCheckedByContentStoredByHashAndRecorded() {
        long id = cutiTahunan().caseId();
        byte[] pdf = "%PDF-1.4 surat permohonan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        AttachmentService.Attachment stored = attachments.store(id, 3, "..\\..\\etc/permohonan.pdf", pdf, "pegawai");
        assertThat(stored.fileName()).isEqualTo("permohonan.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.sha256()).hasSize(64);
        assertThat(attachments.content(stored)).isEqualTo(pdf);
        assertThat(cases.detail(id).requirements().get(2).fulfilled()).isTrue();
        assertThat(cases.detail(id).history()).extracting(CaseDetail.Event::type).contains("ATTACHMENT_ADDED");
        assertThat(audit.verifyCase(id)).isEmpty();

        assertThatThrownBy(() -> attachments.store(id, null, "virus.exe", pdf, "pegawai"))
                .isInstanceOf(AttachmentService.RefusedException.class)
                .satisfies(e -> assertThat(((AttachmentService.RefusedException) e).key()).isEqualTo("attachment.type"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        assertThatThrownBy(() -> attachments.store(id, null, "scan.pdf", png, "pegawai"))
                .satisfies(e -> assertThat(((AttachmentService.RefusedException) e).key()).isEqualTo("attachment.content"));
        assertThatThrownBy(() -> attachments.store(id, null, "big.pdf", new byte[4096], "pegawai"))
                .satisfies(e -> assertThat(((AttachmentService.RefusedException) e).key()).isEqualTo("attachment.tooBig"));
        assertThatThrownBy(() -> attachments.store(id, 99, "x.pdf", pdf, "pegawai"))
                .satisfies(e -> assertThat(((AttachmentService.RefusedException) e).key()).isEqualTo("attachment.requirement"));
        assertThat(attachments.list(id)).hasSize(1);
    }
}
