package id.sopan.ops;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import id.sopan.casework.SlaWatch;
import id.sopan.engine.Action;
import id.sopan.engine.IllegalActionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The actuator as an operator and a stranger see it: health public with its status only, details, Prometheus and
 * metrics for administrators by HTTP Basic (the demo accounts' real sign-in), nothing else; the case and SLA
 * meters; the human log line naming case and task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:ops-endpoints;DB_CLOSE_DELAY=-1",
        "sopan.clock=movable",
        "sopan.sla.initial-delay=PT24H",
        "sopan.ops.queue-refresh=PT0S"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    CaseService cases;
    @Autowired
    SlaWatch sla;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void morning() {
        clock.set(MONDAY_0800);
    }

    @Test
    void healthIsPublicWithItsStatusOnly() throws Exception {
        MvcResult r = mvc.perform(get("/actuator/health")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(r.getResponse().getContentAsString());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.has("components")).isFalse();
        assertThat(body.has("details")).isFalse();
        assertThat(r.getResponse().getHeader("X-Request-Id")).isNotBlank();
        // A proxy's request id is kept (and echoed); a strange one is replaced.
        assertThat(mvc.perform(get("/actuator/health").header("X-Request-Id", "lb-42.abc")).andReturn().getResponse()
                .getHeader("X-Request-Id")).isEqualTo("lb-42.abc");
        assertThat(mvc.perform(get("/actuator/health").header("X-Request-Id", "<script>alert(1)</script>")).andReturn().getResponse()
                .getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        // Signed in, but not an administrator: still the status only.
        JsonNode user = json.readTree(mvc.perform(get("/actuator/health").with(httpBasic("pegawai", "demo")))
                .andReturn().getResponse().getContentAsString());
        assertThat(user.has("components")).isFalse();
    }

    @Test
    void anAdministratorSeesTheDatabaseTheSlaWatchAndTheQueues() throws Exception {
        long taskId = currentTask(startCuti().caseId());
        clock.set(MONDAY_0800.plusSeconds(3 * 24 * 3600)); // step 2's 30 minutes are long past
        int marked = sla.markOverdue();
        assertThat(marked).isPositive();

        MvcResult r = mvc.perform(get("/actuator/health").with(httpBasic("kasubbag.umum", "demo"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        JsonNode components = json.readTree(r.getResponse().getContentAsString()).get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        JsonNode watch = components.get("sla");
        assertThat(watch.get("status").asText()).isEqualTo("UP");
        assertThat(watch.get("details").get("tasksMarked").asInt()).isEqualTo(marked);
        assertThat(watch.get("details").get("notificationsSent").asInt()).isPositive();
        assertThat(watch.get("details").get("lastRun").asText()).isEqualTo(clock.instant().toString());
        JsonNode queues = components.get("queues").get("details");
        assertThat(queues.get("openTasks").asLong()).isPositive();
        assertThat(queues.get("overdueUnclaimedTasks").asLong()).isPositive();
        assertThat(queues.get("unreadNotifications").asLong()).isPositive();
        assertThat(taskId).isPositive();
    }

    /** A run that fails (here: the notification table is gone) turns the health DOWN (503) until a run succeeds. */
    @Test
    void aFailedSlaRunIsDownUntilTheNextGoodRun() throws Exception {
        startCuti();
        clock.set(MONDAY_0800.plusSeconds(3 * 24 * 3600));
        jdbc.sql("ALTER TABLE notification RENAME TO notification_away").update();
        try {
            sla.scheduled(); // the scheduler's entry: logs the failure, keeps the watch running
        } finally {
            jdbc.sql("ALTER TABLE notification_away RENAME TO notification").update();
        }
        assertThat(sla.lastRun().orElseThrow().failed()).isTrue();
        MvcResult down = mvc.perform(get("/actuator/health").with(httpBasic("kasubbag.umum", "demo"))).andReturn();
        assertThat(down.getResponse().getStatus()).isEqualTo(503);
        JsonNode watch = json.readTree(down.getResponse().getContentAsString()).get("components").get("sla");
        assertThat(watch.get("status").asText()).isEqualTo("DOWN");
        assertThat(watch.get("details").get("reason").asText()).isEqualTo("last run failed");
        assertThat(json.readTree(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
                .get("status").asText()).isEqualTo("DOWN");
        String scrape = mvc.perform(get("/actuator/prometheus").with(httpBasic("kasubbag.umum", "demo"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(scrape).containsPattern("sopan_sla_runs_seconds_count\\{[^}]*outcome=\"failed\"} 1(\\.0)?\\n");

        sla.scheduled();
        assertThat(sla.lastRun().orElseThrow().failed()).isFalse();
        assertThat(sla.lastRun().orElseThrow().tasksMarked()).isPositive();
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void prometheusAndMetricsAreTheAdministratorsOnly() throws Exception {
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("kasubbag.umum", "salah")))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("pegawai", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/metrics").with(httpBasic("pegawai", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/metrics")).andReturn().getResponse().getStatus()).isEqualTo(401);

        MvcResult metrics = mvc.perform(get("/actuator/metrics").with(httpBasic("kasubbag.umum", "demo"))).andReturn();
        assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
        assertThat(metrics.getResponse().getContentAsString()).contains("sopan.tasks.open", "sopan.sla.tasks.marked");
        assertThat(mvc.perform(get("/actuator").with(httpBasic("pegawai", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void nothingElseIsExposed() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings",
                "/actuator/shutdown"}) {
            int status = mvc.perform(get(path).with(httpBasic("kasubbag.umum", "demo"))).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(302, 401, 404);
        }
    }

    @Test
    void caseActionsAndTheSlaWatchAreCountedPerActionAndOutcome() throws Exception {
        long caseId = startCuti().caseId();
        long task = currentTask(caseId);
        cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
        assertThatThrownBy(() -> cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null))
                .isInstanceOf(IllegalActionException.class);
        assertThatThrownBy(() -> cases.act(task, Action.RELEASE, "kadis", null, null))
                .hasMessageContaining("may not work");
        sla.markOverdue();
        mvc.perform(get("/katalog"));

        MvcResult r = mvc.perform(get("/actuator/prometheus").with(httpBasic("kasubbag.umum", "demo"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String scrape = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(scrape)
                .containsPattern("sopan_case_actions_seconds_count\\{action=\"START\",[^}]*outcome=\"ok\"}")
                .containsPattern("sopan_case_actions_seconds_count\\{action=\"CLAIM\",[^}]*outcome=\"ok\"}")
                .containsPattern("sopan_case_actions_seconds_count\\{action=\"CLAIM\",[^}]*outcome=\"illegal\"}")
                .containsPattern("sopan_case_actions_seconds_count\\{action=\"RELEASE\",[^}]*outcome=\"forbidden\"}")
                .containsPattern("sopan_sla_runs_seconds_count\\{[^}]*outcome=\"ok\"}")
                .contains("sopan_sla_tasks_marked_total", "sopan_sla_notifications_total", "sopan_tasks_open{",
                        "sopan_tasks_overdue_unclaimed{", "sopan_notifications_unread{", "http_server_requests_seconds_count",
                        "application=\"sopan\"");
    }

    @Test
    void theHumanLogLineOfAnActionNamesItsCaseAndTask(CapturedOutput output) {
        CaseService.Started started = startCuti();
        long task = currentTask(started.caseId());
        cases.act(task, Action.CLAIM, "staf.kepegawaian", null, null);
        String line = output.getOut().lines().filter(l -> l.contains("case action CLAIM: ok")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(line).contains("[case=" + started.registrationNo() + " task=" + task + "]");
        String start = output.getOut().lines().filter(l -> l.contains("case action START: ok")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(start).contains("[case=" + started.registrationNo() + "]").doesNotContain("task=");
        // Outside an action nothing is left in the MDC: no empty brackets either.
        assertThat(org.slf4j.MDC.getCopyOfContextMap()).isNullOrEmpty();
        assertThat(output.getOut()).doesNotContain("[case=]", "[case= task=");
    }

    CaseService.Started startCuti() {
        return cases.start(new CaseService.StartCase("DKUKM", "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Ai Komariah", "pegawai", "196711191991032032", null),
                "pegawai", true, Set.of(1, 2)));
    }

    long currentTask(long caseId) {
        return cases.activeTasks(caseId).stream().map(CaseDetail.Task::id).findFirst().orElseThrow();
    }
}
