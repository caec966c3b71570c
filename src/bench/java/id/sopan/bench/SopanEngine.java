package id.sopan.bench;

import id.sopan.SopanApplication;
import id.sopan.casework.AuditService;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.casework.WorklistItem;
import id.sopan.engine.Action;
import id.sopan.organization.AppUser;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sopan as the application runs it: the whole Spring context (no web server) on its own database, every action
 * through {@link CaseService} with its transaction, case lock, version checks, candidates, deadlines and
 * hash-chained history.
 */
final class SopanEngine implements BenchEngine<Long, Long> {

    /** What a worklist page asks for (the web page shows more; the API's default is 50). */
    static final int WORKLIST_LIMIT = 50;

    private final ConfigurableApplicationContext context;
    private final CaseService cases;
    private final CutiWorkload workload;
    private volatile CountingDataSource counting;

    SopanEngine(CutiWorkload workload, BenchDatabase db, int poolSize) {
        this.workload = workload;
        this.context = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource)) {
                            counting = new CountingDataSource(ds);
                            return counting;
                        }
                        return bean;
                    }
                }))
                // Arguments, not default properties: these must win over application.properties.
                .run("--sopan.sla.enabled=false", // its scheduled watch would add load unrelated to the workload
                        "--sopan.demo=true",
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                        "--spring.datasource.hikari.minimum-idle=" + poolSize);
        this.cases = context.getBean(CaseService.class);
        checkAssignments(context.getBean(OrganizationService.class));
    }

    /** The workload's users must be the ones the organization gives the steps to, or the comparison is off. */
    private void checkAssignments(OrganizationService organization) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        for (CutiWorkload.Step step : workload.steps) {
            if (step.kind() == CutiWorkload.Kind.PEMOHON) {
                continue;
            }
            List<String> jabatan = organization.jabatanFor(CutiWorkload.OFFICE, CutiWorkload.SOP, step.responsibleActor())
                    .stream().map(Jabatan::code).toList();
            if (!jabatan.equals(List.of(step.jabatan()))) {
                throw new IllegalStateException("step " + step.number() + " (" + step.responsibleActor()
                        + "): the organization assigns " + jabatan + ", the workload " + step.jabatan());
            }
            List<String> holders = organization.holders(CutiWorkload.OFFICE, step.jabatan(), today).stream()
                    .map(AppUser::username).toList();
            if (!holders.contains(step.user())) {
                throw new IllegalStateException("jabatan " + step.jabatan() + " is held by " + holders + ", not "
                        + step.user());
            }
        }
        Set<String> pemohonJabatan = organization.jabatanActingAs(CutiWorkload.PEMOHON, today).stream()
                .map(a -> a.jabatanCode()).collect(Collectors.toSet());
        if (!pemohonJabatan.equals(Set.of(CutiWorkload.PEMOHON_JABATAN))) {
            throw new IllegalStateException(CutiWorkload.PEMOHON + " acts as " + pemohonJabatan);
        }
    }

    @Override
    public String name() {
        return "sopan";
    }

    @Override
    public Long start(int caseIndex) {
        Pemohon pemohon = new Pemohon(Pemohon.Kind.EMPLOYEE, CutiWorkload.PEMOHON_NAME, CutiWorkload.PEMOHON,
                CutiWorkload.PEMOHON_NIP, null);
        // Not "submitted by the pemohon": step 1 is then a task of its own, as it is in Flowable.
        return cases.start(new CaseService.StartCase(CutiWorkload.OFFICE, CutiWorkload.SOP, pemohon, CutiWorkload.PEMOHON,
                false, Set.of(1, 2, 3, 4, 5))).caseId();
    }

    @Override
    public Long find(Long caseId, CutiWorkload.Step step) {
        List<WorklistItem> items = cases.worklist(step.user(), WORKLIST_LIMIT);
        return items.stream().filter(i -> i.caseId() == caseId && i.step() == step.number()).findFirst()
                .map(WorklistItem::taskId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " step " + step.number()
                        + " is not in the worklist of " + step.user() + " (" + items.size() + " items)"));
    }

    @Override
    public void claim(Long task, CutiWorkload.Step step) {
        cases.act(task, Action.CLAIM, step.user(), null, null);
    }

    @Override
    public void finish(Long task, CutiWorkload.Step step, boolean returnIt) {
        switch (step.kind()) {
            case PEMOHON, PLAIN -> cases.act(task, Action.COMPLETE, step.user(), null, null);
            case DECISION -> cases.act(task, returnIt ? Action.RETURN : Action.APPROVE, step.user(),
                    returnIt ? CutiWorkload.RETURN_NOTE : null, null);
            case HANDOFF -> {
                // Handed to the institution, then received back: two actions where Flowable has one completion.
                cases.act(task, Action.HAND_OFF, step.user(), null, null);
                cases.act(task, Action.RECEIVE_BACK, step.user(), CutiWorkload.HANDOFF_NOTE, null);
            }
        }
    }

    @Override
    public Totals totals() {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        AuditService.Report audit = context.getBean(AuditService.class).verifyAll();
        if (!audit.ok()) {
            throw new IllegalStateException("the history's hash chains are broken: " + audit.breaks());
        }
        long closed = jdbc.sql("SELECT count(*) FROM case_file WHERE status = 'CLOSED'").query(Long.class).single();
        long open = jdbc.sql("SELECT count(*) FROM case_file WHERE status <> 'CLOSED'").query(Long.class).single();
        long finished = jdbc.sql("SELECT count(*) FROM case_task WHERE status IN ('DONE', 'RETURNED')")
                .query(Long.class).single();
        return new Totals(closed, finished, open);
    }

    @Override
    public CountingDataSource dataSource() {
        return counting;
    }

    @Override
    public void close() {
        context.close();
    }
}
