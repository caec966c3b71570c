package id.sopan.web;

import id.sopan.calendar.MovableClock;
import id.sopan.casework.CaseDetail;
import id.sopan.casework.CaseService;
import id.sopan.casework.Pemohon;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The web pages on H2 in memory: MockMvc with Spring Security's test support (a signed-in user, the CSRF token),
 * and a real port for what only a servlet container does (the multipart size limit). Small limits make
 * "too large" cheap: 32 KB for an attachment, 64 KB for the servlet's multipart parser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1",
        "sopan.clock=movable",
        "sopan.sla.initial-delay=PT24H",
        "sopan.attachments.dir=target/test-attachments-web",
        "sopan.attachments.max-bytes=32768",
        "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=80KB"})
@AutoConfigureMockMvc
abstract class WebTestSupport {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday 2 March 2026, 08:00 WIB: a working day. */
    static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    CaseService cases;
    @LocalServerPort
    int port;

    @BeforeEach
    void setClock() {
        clock.set(MONDAY_0800);
    }

    /** A demo user with the roles the sign-in would give them. */
    static RequestPostProcessor as(String username) {
        return switch (username) {
            case "kadis", "sekdis" -> user(username).roles("USER", "KEPALA");
            case "kasubbag.umum" -> user(username).roles("USER", "ADMIN");
            default -> user(username).roles("USER");
        };
    }

    /** {@code pegawai} applies for cuti tahunan at the counter, handing in items 1 and 2: step 2 waits for Staf Kepegawaian. */
    CaseService.Started startCuti() {
        return cases.start(new CaseService.StartCase("DKUKM", "UMM-06",
                new Pemohon(Pemohon.Kind.EMPLOYEE, "Ai Komariah", "pegawai", "196711191991032032", null),
                "pegawai", true, Set.of(1, 2)));
    }

    /** The open task of the case's current step. */
    long currentTask(long caseId) {
        return cases.activeTasks(caseId).stream().map(CaseDetail.Task::id).findFirst().orElseThrow();
    }
}
