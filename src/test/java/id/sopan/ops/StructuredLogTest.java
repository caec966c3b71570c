package id.sopan.ops;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import java.io.IOException;
import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The production log format (Elastic Common Schema, one JSON object a line): the line of a case action carries
 * the case, its registration number, the task, the action, the user and the request's id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "spring.datasource.url=jdbc:h2:mem:ops-log;DB_CLOSE_DELAY=-1",
        "sopan.clock=movable",
        "sopan.sla.initial-delay=PT24H",
        "logging.structured.format.console=ecs"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // the JSON console format is the logging system's, for the whole JVM: do not lend this context on
class StructuredLogTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    CaseService cases;
    @Autowired
    JsonMapper json;

    /**
     * Back to the human format of application.properties for the contexts after this one and those cached before
     * it: closing this context leaves the JVM-wide logging system (and a system property) in JSON.
     */
    @AfterAll
    static void backToTheHumanFormat() throws IOException {
        // Boot copies the format into a system property, which every later context would read too.
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        LoggingSystem logging = LoggingSystem.get(StructuredLogTest.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    @Test
    void theJsonLineOfAnActionHasTheCaseTheTaskTheUserAndTheRequest(CapturedOutput output) throws Exception {
        clock.set(LocalDateTime.parse("2026-03-02T08:00").atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        CaseService.Started started = cases.start(new CaseService.StartCase("DKUKM", "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Ai Komariah", "pegawai", null, null), "pegawai", true, Set.of(1, 2)));
        long task = cases.activeTasks(started.caseId()).stream().map(CaseDetail.Task::id).findFirst().orElseThrow();

        int status = mvc.perform(post("/api/tasks/" + task + "/claim").header("X-Request-Id", "req-77")
                .with(httpBasic("staf.kepegawaian", "demo"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);

        List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(json::readTree).toList();
        JsonNode claim = lines.stream().filter(l -> l.path("message").asText().startsWith("case action CLAIM: ok"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(claim.path("caseId").asText()).isEqualTo(Long.toString(started.caseId()));
        assertThat(claim.path("registrationNo").asText()).isEqualTo(started.registrationNo());
        assertThat(claim.path("taskId").asText()).isEqualTo(Long.toString(task));
        assertThat(claim.path("action").asText()).isEqualTo("CLAIM");
        assertThat(claim.path("username").asText()).isEqualTo("staf.kepegawaian");
        assertThat(claim.path("requestId").asText()).isEqualTo("req-77");
        assertThat(claim.path("log").path("level").asText()).isEqualTo("INFO");
        assertThat(claim.path("service").path("name").asText()).isEqualTo("sopan");

        JsonNode start = lines.stream().filter(l -> l.path("message").asText().startsWith("case action START: ok"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(start.path("registrationNo").asText()).isEqualTo(started.registrationNo());
        assertThat(start.path("username").asText()).isEqualTo("pegawai");
        assertThat(start.has("taskId")).isFalse();
        // Once the request is answered nothing is left behind for the thread's next work.
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        System.out.println("example line: " + claim);
    }
}
