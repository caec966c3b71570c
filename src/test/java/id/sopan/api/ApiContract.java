package id.sopan.api;

import id.sopan.calendar.CalendarService;
import id.sopan.calendar.MovableClock;
import id.sopan.catalog.CatalogService;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over HTTP on a real port, as the demo users sign in (HTTP Basic); run on H2 and on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sopan.clock=movable")
abstract class ApiContract {

    static final String OFFICE = "DKUKM";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday 2 March 2026, 08:00 WIB: a working day. */
    static final Instant MONDAY_0800 = LocalDateTime.parse("2026-03-02T08:00").atZone(WIB).toInstant();

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    CalendarService calendars;
    @Autowired
    CatalogService catalog;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.set(MONDAY_0800);
    }

    /** {@code pegawai} applies for cuti tahunan, handing in items 1 and 2 of the kelengkapan. */
    JsonNode startCuti() {
        ApiClient.Response r = api.post("/api/cases").as("pegawai").json(Map.of(
                "sopCode", "UMM-06",
                "pemohon", Map.of("kind", "EMPLOYEE", "name", "Ai Komariah", "username", "pegawai",
                        "nip", "196711191991032032"),
                "submittedByPemohon", true,
                "fulfilled", List.of(1, 2))).send();
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    JsonNode detail(long caseId, String user) {
        ApiClient.Response r = api.get("/api/cases/" + caseId).as(user).send();
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    /** The open task of the case's current step, as {@code user} sees it in the case. */
    JsonNode currentTask(long caseId, String user) {
        JsonNode d = detail(caseId, user);
        int step = d.get("currentStep").asInt();
        return StreamSupport.stream(d.get("tasks").spliterator(), false)
                .filter(t -> t.get("step").asInt() == step)
                .filter(t -> List.of("OPEN", "CLAIMED", "HANDED_OFF").contains(t.get("status").asString()))
                .findFirst().orElseThrow();
    }

    /** The user's worklist entry for the case. */
    JsonNode inWorklist(long caseId, String user) {
        ApiClient.Response r = api.get("/api/tasks?limit=200").as(user).send();
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.body().spliterator(), false)
                .filter(t -> t.get("caseId").asLong() == caseId).findFirst()
                .orElseThrow(() -> new AssertionError("case " + caseId + " is not in the worklist of " + user));
    }

    ApiClient.Response act(long taskId, String verb, String user, Object body) {
        ApiClient.Call call = api.post("/api/tasks/" + taskId + "/" + verb).as(user);
        if (body != null) {
            call.json(body);
        }
        return call.send();
    }

    JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    /** Claims the case's current task from {@code user}'s worklist and completes it with the outcome. */
    void work(long caseId, String user, String outcome, String note) {
        clock.advance(Duration.ofMinutes(15));
        JsonNode task = inWorklist(caseId, user);
        assertThat(task.get("permittedActions").toString()).contains("CLAIM");
        long id = task.get("taskId").asLong();
        ok(act(id, "claim", user, null));
        clock.advance(Duration.ofMinutes(15));
        Map<String, String> body = note == null ? Map.of("outcome", outcome) : Map.of("outcome", outcome, "note", note);
        ok(act(id, "complete", user, body));
    }

    /** The pemohon's own step: not in a jabatan's worklist, found in the case. */
    void pemohonWorks(long caseId) {
        clock.advance(Duration.ofMinutes(15));
        JsonNode task = currentTask(caseId, "pegawai");
        assertThat(task.get("kind").asString()).isEqualTo("PEMOHON");
        long id = task.get("id").asLong();
        ok(act(id, "claim", "pegawai", null));
        clock.advance(Duration.ofMinutes(15));
        ok(act(id, "complete", "pegawai", Map.of("outcome", "DONE")));
    }

    @Test
    void theApiWalksACutiTahunanCaseFromThePemohonToTheArchive() {
        JsonNode started = startCuti();
        long id = started.get("caseId").asLong();
        assertThat(started.get("registrationNo").asString()).matches("DKUKM/2026/\\d{6}");
        assertThat(started.get("trackingCode").asString()).hasSize(8);

        JsonNode d = detail(id, "pegawai");
        assertThat(d.get("currentStep").asInt()).isEqualTo(2);
        assertThat(d.get("kelengkapan")).hasSize(5);
        assertThat(d.get("kelengkapan").get(0).get("fulfilled").asBoolean()).isTrue();
        assertThat(d.get("kelengkapan").get(2).get("fulfilled").asBoolean()).isFalse();

        // Step 2, belum sesuai: back to the pemohon, who hands the file in again.
        work(id, "staf.kepegawaian", "BELUM_SESUAI", "KTP belum dilegalisir");
        assertThat(detail(id, "pegawai").get("currentStep").asInt()).isEqualTo(1);
        assertThat(detail(id, "pegawai").get("returns").asInt()).isEqualTo(1);
        pemohonWorks(id);

        work(id, "staf.kepegawaian", "SESUAI", null);
        work(id, "kasubbag.umum", "DONE", null);
        work(id, "sekdis", "SESUAI", null);
        work(id, "kadis", "DONE", null);
        work(id, "kasubbag.umum", "DONE", null);

        // Step 7 is BKD's: Kasubbag Umum hands the file over, and the next day receives the permit back.
        clock.advance(Duration.ofMinutes(15));
        JsonNode bkd = inWorklist(id, "kasubbag.umum");
        assertThat(bkd.get("step").asInt()).isEqualTo(7);
        assertThat(bkd.get("kind").asString()).isEqualTo("HANDOFF");
        long bkdId = bkd.get("taskId").asLong();
        ok(act(bkdId, "claim", "kasubbag.umum", null));
        JsonNode handedOff = ok(act(bkdId, "handoff", "kasubbag.umum", Map.of("note", "diantar ke BKD")));
        assertThat(handedOff.get("taskStatus").asString()).isEqualTo("HANDED_OFF");
        assertThat(inWorklist(id, "kasubbag.umum").get("permittedActions").toString()).contains("RECEIVE_BACK");
        clock.advance(Duration.ofHours(20));
        JsonNode received = ok(act(bkdId, "receive", "kasubbag.umum",
                Map.of("note", "Surat izin cuti tahunan No. 851/123/BKD")));
        assertThat(received.get("taskStatus").asString()).isEqualTo("DONE");
        assertThat(received.get("currentStep").asInt()).isEqualTo(8);

        work(id, "kasubbag.umum", "DONE", null);
        work(id, "staf.kepegawaian", "DONE", null);
        pemohonWorks(id);

        JsonNode done = detail(id, "pegawai");
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        assertThat(done.get("endedAt").isNull()).isFalse();
        List<String> events = StreamSupport.stream(done.get("history").spliterator(), false)
                .map(e -> e.get("type").asString()).toList();
        assertThat(events).startsWith("CASE_STARTED", "STEP_DONE")
                .contains("DECISION_RETURNED", "HANDED_OFF", "RECEIVED_BACK").endsWith("CASE_CLOSED");
        JsonNode returned = StreamSupport.stream(done.get("history").spliterator(), false)
                .filter(e -> e.get("type").asString().equals("DECISION_RETURNED")).findFirst().orElseThrow();
        assertThat(returned.get("username").asString()).isEqualTo("staf.kepegawaian");
        assertThat(returned.get("note").asString()).isEqualTo("KTP belum dilegalisir");

        // Every task is due when the office calendar says, from its own start and its step's Waktu.
        SopDefinition sop = catalog.berlaku(OFFICE, "UMM-06").orElseThrow().definition();
        List<JsonNode> tasks = new ArrayList<>();
        done.get("tasks").forEach(tasks::add);
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(12);
        for (JsonNode t : tasks) {
            Step step = sop.step(t.get("step").asInt()).orElseThrow();
            Instant startedAt = Instant.parse(t.get("startedAt").asString());
            Instant expected = calendars.calendarFor(OFFICE).deadline(startedAt, step.waktu());
            assertThat(Instant.parse(t.get("deadline").asString())).as("deadline of step " + step.number())
                    .isEqualTo(expected)
                    // 330 effective minutes per 450 office minutes: never simply start + Waktu
                    .isAfter(startedAt.plus(Duration.ofMinutes(step.waktu().amount())));
        }
    }

    @Test
    void ofTwoConcurrentCompletionsOfOneTaskExactlyOneSucceeds() throws Exception {
        long id = startCuti().get("caseId").asLong();
        long task = inWorklist(id, "staf.kepegawaian").get("taskId").asLong();
        ok(act(task, "claim", "staf.kepegawaian", null));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<ApiClient.Response> complete = () -> {
                go.await();
                return act(task, "complete", "staf.kepegawaian", Map.of("outcome", "SESUAI"));
            };
            results.add(pool.submit(complete));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiClient.Response> f : results) {
            ApiClient.Response r = f.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.body().get("status").asInt()).isEqualTo(409);
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode d = detail(id, "staf.kepegawaian");
        assertThat(d.get("currentStep").asInt()).isEqualTo(3);
        assertThat(StreamSupport.stream(d.get("history").spliterator(), false)
                .filter(e -> e.get("type").asString().equals("DECISION_APPROVED")).count()).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameAndActsOnce() {
        long id = startCuti().get("caseId").asLong();
        long task = inWorklist(id, "staf.kepegawaian").get("taskId").asLong();
        String key = "claim-" + task;
        ApiClient.Response first = api.post("/api/tasks/" + task + "/claim").as("staf.kepegawaian")
                .header("Idempotency-Key", key).send();
        ApiClient.Response again = api.post("/api/tasks/" + task + "/claim").as("staf.kepegawaian")
                .header("Idempotency-Key", key).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(first.body().get("taskStatus").asString()).isEqualTo("CLAIMED");
        JsonNode d = detail(id, "staf.kepegawaian");
        assertThat(StreamSupport.stream(d.get("history").spliterator(), false)
                .filter(e -> e.get("type").asString().equals("TASK_CLAIMED")).count()).isEqualTo(1);
        // Without the key the same claim is refused: the task is already claimed.
        ApiClient.Response unkeyed = api.post("/api/tasks/" + task + "/claim").as("staf.kepegawaian").send();
        assertThat(unkeyed.status()).isEqualTo(409);
        // The key for another request is a conflict, too.
        ApiClient.Response reused = api.post("/api/tasks/" + task + "/complete").as("staf.kepegawaian")
                .header("Idempotency-Key", key).json(Map.of("outcome", "SESUAI")).send();
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
    }
}
