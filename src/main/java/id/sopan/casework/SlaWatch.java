package id.sopan.casework;

import id.sopan.organization.AppUser;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks tasks past their deadline and notifies the task's holder and the atasan of its jabatan (in the app;
 * by e-mail too when SMTP is configured). Safe with several app nodes on one database: under its case's lock (taken
 * first, in the same order as actions take their locks) a task is claimed for notification by a conditional update
 * ({@code overdue_at IS NULL}, still unfinished), so exactly one node notifies it, and never once it is finished.
 */
@Component
@ConditionalOnProperty(name = "sopan.sla.enabled", havingValue = "true", matchIfMissing = true)
public class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final OrganizationService organization;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String mailFrom;
    private final Duration interval;
    private final MeterRegistry meters;
    private final Counter tasksMarked;
    private final Counter notificationsSent;
    private final Counter mailFailures;
    private volatile LastRun lastRun;

    SlaWatch(JdbcClient jdbc, CaseRepository cases, OrganizationService organization, ObjectProvider<JavaMailSender> mail,
             Clock clock, PlatformTransactionManager transactions,
             @Value("${sopan.mail.from:sopan@localhost}") String mailFrom,
             @Value("${sopan.sla.interval:PT1M}") Duration interval, CaseObservation observation) {
        this.interval = interval;
        this.meters = observation.registry();
        this.tasksMarked = Counter.builder("sopan.sla.tasks.marked").description("Tasks the SLA watch marked overdue")
                .register(meters);
        this.notificationsSent = Counter.builder("sopan.sla.notifications")
                .description("In-app notifications the SLA watch wrote").register(meters);
        this.mailFailures = Counter.builder("sopan.sla.mail.failures")
                .description("SLA e-mails the SMTP server refused").register(meters);
        this.jdbc = jdbc;
        this.cases = cases;
        this.organization = organization;
        this.mail = mail;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.mailFrom = mailFrom;
    }

    private record Late(long taskId, long caseId, long officeId, String officeCode, String registrationNo, int step) {
    }

    /**
     * The watch's last run on this node, for its health: when it ended, how many tasks it marked and notifications
     * it wrote, and why it failed (null when it did not).
     */
    public record LastRun(Instant startedAt, Instant finishedAt, int tasksMarked, int notificationsSent,
                          String failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /** The last run on this node, if it has run since it started. */
    public java.util.Optional<LastRun> lastRun() {
        return java.util.Optional.ofNullable(lastRun);
    }

    /** The configured time between two runs ({@code sopan.sla.interval}). */
    public Duration interval() {
        return interval;
    }

    @Scheduled(fixedDelayString = "${sopan.sla.interval:PT1M}", initialDelayString = "${sopan.sla.initial-delay:PT30S}")
    public void scheduled() {
        try {
            int marked = markOverdue();
            if (marked > 0) {
                log.info("SLA watch: {} task(s) marked overdue", marked);
            }
        } catch (RuntimeException e) {
            // Recorded for the health endpoint and the metrics; the next run tries again.
            log.error("SLA watch: run failed: {}", e.toString(), e);
        }
    }

    /** Marks every open task whose deadline has passed, once; returns how many this node marked. */
    public int markOverdue() {
        Instant started = clock.instant();
        Timer.Sample sample = Timer.start(meters);
        int[] counts = {0, 0}; // tasks marked, notifications written: also those of a run that fails part-way
        try {
            markAll(counts);
        } catch (RuntimeException e) {
            finish(sample, started, counts, e.toString());
            throw e;
        }
        finish(sample, started, counts, null);
        return counts[0];
    }

    private void finish(Timer.Sample sample, Instant started, int[] counts, String failure) {
        sample.stop(Timer.builder("sopan.sla.runs").description("Runs of the SLA watch")
                .tag("outcome", failure == null ? "ok" : "failed").register(meters));
        lastRun = new LastRun(started, clock.instant(), counts[0], counts[1], failure);
    }

    private void markAll(int[] counts) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (long office : jdbc.sql("SELECT id FROM office ORDER BY id").query(Long.class).list()) {
            markAll(office, now, counts);
        }
    }

    /** The late open tasks of one office, 200 at a time, through the open-task index (office, not ended, deadline). */
    private void markAll(long office, Instant now, int[] counts) {
        while (true) {
            List<Late> late = jdbc.sql("""
                    SELECT t.id, t.case_id, t.office_id, o.code AS office_code, c.registration_no, t.step_no
                      FROM case_task t
                      JOIN case_file c ON c.id = t.case_id
                      JOIN office o ON o.id = t.office_id
                     WHERE t.office_id = :office AND t.ended_at IS NULL AND t.deadline_at < :now
                       AND t.overdue_at IS NULL
                     ORDER BY t.deadline_at NULLS LAST, t.id
                     FETCH FIRST 200 ROWS ONLY
                    """).param("office", office).param("now", CaseRepository.ts(now))
                    .query((rs, n) -> new Late(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("office_id"),
                            rs.getString("office_code"), rs.getString("registration_no"), rs.getInt("step_no")))
                    .list();
            if (late.isEmpty()) {
                return;
            }
            int before = counts[0];
            for (Late task : late) {
                Map<String, String> mdc = CaseObservation.taskContext(task.caseId(), task.registrationNo(), task.taskId());
                try {
                    Integer sent = tx.execute(s -> mark(task, now));
                    if (sent != null) {
                        counts[0]++;
                        counts[1] += sent;
                        tasksMarked.increment();
                        notificationsSent.increment(sent);
                        log.info("SLA watch: task overdue, {} notification(s)", sent);
                    }
                } finally {
                    CaseObservation.restore(mdc);
                }
            }
            if (counts[0] == before) {
                return; // every one of this page was taken by another node
            }
        }
    }

    /** Marks one task and notifies; the number of notifications written, or null when another node had it. */
    private Integer mark(Late task, Instant now) {
        // The case's lock first, as every action takes it before it updates a task: marking the task first and then
        // locking the case deadlocks with an action on the same case (PostgreSQL then aborts one of the two, and
        // the action's user got a 500). Under the lock the task's status and holder are read afresh.
        cases.lockCase(task.caseId()).orElseThrow();
        int claimed = jdbc.sql("""
                UPDATE case_task SET overdue_at = :now
                 WHERE id = :id AND overdue_at IS NULL AND status IN ('OPEN', 'CLAIMED', 'HANDED_OFF')
                """).param("now", CaseRepository.ts(now)).param("id", task.taskId()).update();
        if (claimed == 0) {
            return null; // another node got there first, or the task was finished since it was read
        }
        String claimedBy = jdbc.sql("SELECT claimed_by FROM case_task WHERE id = :id").param("id", task.taskId())
                .query((rs, n) -> rs.getString(1)).list().get(0);
        LocalDate today = LocalDate.ofInstant(now, CaseService.WIB);
        Set<String> holders = new LinkedHashSet<>();
        Set<String> atasan = new LinkedHashSet<>();
        List<String> jabatan = cases.candidates(task.taskId());
        if (claimedBy != null) {
            holders.add(claimedBy);
        } else {
            for (String code : jabatan) {
                organization.holders(task.officeCode(), code, today).forEach(u -> holders.add(u.username()));
            }
        }
        for (String code : jabatan) {
            organization.atasan(task.officeCode(), code).map(Jabatan::code).ifPresent(a ->
                    organization.holders(task.officeCode(), a, today).stream().map(AppUser::username)
                            .filter(u -> !holders.contains(u)).forEach(atasan::add));
        }
        holders.forEach(u -> notify(task, u, "OVERDUE_HOLDER", now));
        atasan.forEach(u -> notify(task, u, "OVERDUE_ATASAN", now));
        appendHistory(task, now);
        return holders.size() + atasan.size();
    }

    private void notify(Late task, String username, String kind, Instant now) {
        jdbc.sql("""
                INSERT INTO notification (office_id, username, case_id, task_id, kind, created_at)
                VALUES (:office, :user, :case, :task, :kind, :at)
                """).param("office", task.officeId()).param("user", username).param("case", task.caseId())
                .param("task", task.taskId()).param("kind", kind).param("at", CaseRepository.ts(now)).update();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            // The address book is not in Sopan yet: mail goes to the username at the configured domain.
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(mailFrom);
            message.setTo(username + "@" + mailFrom.substring(mailFrom.indexOf('@') + 1));
            message.setSubject("Sopan: tugas terlambat " + task.registrationNo() + " langkah " + task.step());
            message.setText("Tugas langkah " + task.step() + " pada kasus " + task.registrationNo()
                    + " telah melewati batas waktunya.");
            try {
                sender.send(message);
            } catch (RuntimeException e) {
                mailFailures.increment();
                log.warn("SLA watch: e-mail to {} about {} failed: {}", username, task.registrationNo(), e.getMessage());
            }
        }
    }

    /** The overdue mark is a change of the case: it joins the case's history chain, under the case lock (held). */
    private void appendHistory(Late task, Instant now) {
        cases.appendToHistory(task.caseId(), now, List.of(new CaseRepository.NewEvent("system", null, null,
                "TASK_OVERDUE", task.taskId(), task.step(), task.step(), null)));
    }

    /** A user's unread notifications, newest first. */
    public List<Notification> unread(String username) {
        return jdbc.sql("""
                SELECT n.id, n.kind, n.created_at, c.registration_no, t.step_no, n.case_id, n.task_id
                  FROM notification n
                  JOIN case_file c ON c.id = n.case_id
                  JOIN case_task t ON t.id = n.task_id
                 WHERE n.username = :u AND n.read_at IS NULL
                 ORDER BY n.created_at DESC, n.id DESC
                """).param("u", username)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"),
                        CaseRepository.instant(rs, "created_at"), rs.getString("registration_no"), rs.getInt("step_no"),
                        rs.getLong("case_id"), rs.getLong("task_id")))
                .list();
    }

    public record Notification(long id, String kind, Instant at, String registrationNo, int step, long caseId,
                               long taskId) {
    }
}
