package id.sopan.bench.nodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Clients working Cuti Tahunan (UMM-06) cases through the REST API of several app nodes at once. Clients of one
 * username are spread over the nodes and pick from the top of the same worklist, so they collide on purpose: two
 * claims of one task, two completions of one claimed task (same username on two nodes). Starters (the pemohon,
 * {@code pegawai}) start new cases on every node while fewer than {@code maxOpenCases} are open. Every answer is
 * counted by endpoint and status; every 2xx action is remembered with what it answered, for {@link NodeInvariants}.
 * A request that finds no node (connection refused or reset: a node killed) counts as a connection error, not a
 * violation.
 */
public final class NodeLoad {

    /** Who works which steps of UMM-06, and how many clients each gets (32 in all by default). */
    public static final Map<String, Integer> DEFAULT_CLIENTS = new java.util.LinkedHashMap<>();

    static {
        DEFAULT_CLIENTS.put("starter:pegawai", 4);
        DEFAULT_CLIENTS.put("pegawai", 4);
        DEFAULT_CLIENTS.put("staf.kepegawaian", 6);
        DEFAULT_CLIENTS.put("kasubbag.umum", 8);
        DEFAULT_CLIENTS.put("sekdis", 5);
        DEFAULT_CLIENTS.put("kadis", 5);
    }

    /** A 2xx answer to a task action: what the client was told happened. */
    public record Acted(String username, long taskId, String action, long caseId, String taskStatus, String caseStatus,
                        int node, long atNanos) {
    }

    /** A 2xx answer to a start. */
    public record Started(String username, long caseId, String registrationNo, int node) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntFunction<String> nodeUrl;
    private final int nodes;
    private final Map<String, Integer> clients;
    private final int maxOpenCases;
    private final double returnShare;
    private final HttpClient http;

    private final Map<String, LongAdder> byEndpointStatus = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder otherErrors = new LongAdder();
    private final LongAdder connectionErrors = new LongAdder();
    private final AtomicLong[] connectionErrorsByNode;
    private final ConcurrentLinkedQueue<Acted> acted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Started> started = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong closed = new AtomicLong();
    /** Per node: whether it is expected to be down now (a kill in progress): its connection errors are expected. */
    private final AtomicReferenceArray<Boolean> down;
    private volatile boolean stop;

    /**
     * @param nodeUrl      the base URL of node i ({@code http://127.0.0.1:PORT}); asked on every request, so a
     *                     restarted node may come back on another port
     * @param maxOpenCases starters wait while this many cases they started are still open
     * @param returnShare  the share of decisions answered "belum sesuai" (a return, another round)
     */
    public NodeLoad(IntFunction<String> nodeUrl, int nodes, Map<String, Integer> clients, int maxOpenCases,
                    double returnShare) {
        this.nodeUrl = nodeUrl;
        this.nodes = nodes;
        this.clients = clients;
        this.maxOpenCases = maxOpenCases;
        this.returnShare = returnShare;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.connectionErrorsByNode = new AtomicLong[nodes];
        this.down = new AtomicReferenceArray<>(nodes);
        for (int i = 0; i < nodes; i++) {
            connectionErrorsByNode[i] = new AtomicLong();
            down.set(i, false);
        }
    }

    public static int clientCount(Map<String, Integer> clients) {
        return clients.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Runs every client for the given time (or until {@link #stop()}), then returns. */
    public void run(Duration duration) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Integer> e : clients.entrySet()) {
            boolean starter = e.getKey().startsWith("starter:");
            String username = starter ? e.getKey().substring("starter:".length()) : e.getKey();
            for (int i = 0; i < e.getValue(); i++) {
                int node = index % nodes; // a username's clients alternate between the nodes
                long seed = 7919L * index;
                Runnable client = starter ? () -> starter(username, node, new Random(seed))
                        : () -> worker(username, node, new Random(seed));
                Thread t = new Thread(client, "client-" + index + "-" + username + "@node" + node);
                t.setDaemon(true);
                // A client that dies stops loading the nodes: counted as unexpected, so the run cannot pass silently.
                t.setUncaughtExceptionHandler((dead, failure) -> unexpected.add(dead.getName() + " died: " + failure));
                threads.add(t);
                index++;
            }
        }
        long end = System.nanoTime() + duration.toNanos();
        threads.forEach(Thread::start);
        while (!stop && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        stop = true;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    public void stop() {
        stop = true;
    }

    /** Marks node i as (not) expected to be down: connection errors to it are then counted, never reported. */
    public void expectDown(int node, boolean isDown) {
        down.set(node, isDown);
    }

    private void starter(String username, int node, Random random) {
        int n = 0;
        while (!stop) {
            if (open.get() >= maxOpenCases) {
                pause(50);
                continue;
            }
            String body = """
                    {"sopCode":"UMM-06","pemohon":{"kind":"EMPLOYEE","name":"Ai Komariah","username":"%s"},
                     "submittedByPemohon":true,"fulfilled":[1,2]}""".formatted(username);
            Answer a = call(node, username, "POST", "/api/cases", body, "POST /api/cases");
            if (a != null && a.status == 201) {
                open.incrementAndGet();
                started.add(new Started(username, a.json.get("caseId").asLong(), a.json.get("registrationNo").asString(),
                        node));
            }
            if (a == null) {
                pause(200); // the node is down: do not spin
            }
            n++;
            pause(random.nextInt(20));
        }
    }

    private void worker(String username, int node, Random random) {
        while (!stop) {
            Answer list = call(node, username, "GET", "/api/tasks?limit=10", null, "GET /api/tasks");
            if (list == null) {
                pause(200);
                continue;
            }
            if (list.status != 200 || !list.json.isArray() || list.json.isEmpty()) {
                pause(30 + random.nextInt(40));
                continue;
            }
            JsonNode pick = choose(list.json, username, random);
            if (pick == null) {
                pause(30 + random.nextInt(40));
                continue;
            }
            long task = pick.get("taskId").asLong();
            Set<String> permitted = actions(pick);
            if (permitted.contains("CLAIM")) {
                Answer claim = call(node, username, "POST", "/api/tasks/" + task + "/claim", null, "POST /claim");
                if (claim == null || claim.status != 200) {
                    continue; // lost the race, or the node is gone
                }
                remember(username, task, "CLAIM", claim, node);
                permitted = finishing(pick);
            } else {
                learn(pick, permitted);
            }
            finish(username, node, task, stepOf(pick), permitted, random);
        }
    }

    /** Per SOP and step: whether it is a decision (learned from the permitted actions of claimed tasks). */
    private final Map<String, Boolean> decisionSteps = new ConcurrentHashMap<>();

    private static String stepOf(JsonNode item) {
        return item.get("sopCode").asString() + "/" + item.get("step").asInt();
    }

    private void learn(JsonNode item, Set<String> permitted) {
        if (permitted.contains("APPROVE")) {
            decisionSteps.put(stepOf(item), true);
        } else if (permitted.contains("COMPLETE")) {
            decisionSteps.put(stepOf(item), false);
        }
    }

    /** The actions after a claim: what the step's kind allows (a plain step, a decision, a hand-off). */
    private Set<String> finishing(JsonNode item) {
        if ("HANDOFF".equals(item.get("kind").asString())) {
            return Set.of("HAND_OFF");
        }
        Boolean decision = decisionSteps.get(stepOf(item));
        return decision == null ? Set.of("COMPLETE", "APPROVE", "RETURN")
                : decision ? Set.of("APPROVE", "RETURN") : Set.of("COMPLETE");
    }

    /** Finishes a claimed (or handed-off) task with the action its step needs; unknown decisions are tried in turn. */
    private void finish(String username, int node, long task, String step, Set<String> permitted, Random random) {
        if (permitted.contains("HAND_OFF")) {
            Answer a = call(node, username, "POST", "/api/tasks/" + task + "/handoff", "{\"note\":\"ke BKD\"}",
                    "POST /handoff");
            if (a == null || a.status != 200) {
                return;
            }
            remember(username, task, "HAND_OFF", a, node);
            permitted = Set.of("RECEIVE_BACK");
        }
        if (permitted.contains("RECEIVE_BACK")) {
            Answer a = call(node, username, "POST", "/api/tasks/" + task + "/receive",
                    "{\"note\":\"Surat izin cuti dari BKD\"}", "POST /receive");
            if (a != null && a.status == 200) {
                remember(username, task, "RECEIVE_BACK", a, node);
            }
            return;
        }
        if (permitted.contains("APPROVE") || permitted.contains("RETURN")) {
            boolean back = random.nextDouble() < returnShare;
            Answer a = call(node, username, "POST", "/api/tasks/" + task + "/complete",
                    back ? "{\"outcome\":\"BELUM_SESUAI\",\"note\":\"berkas belum lengkap\"}" : "{\"outcome\":\"SESUAI\"}",
                    "POST /complete");
            if (a != null && a.status == 200) {
                remember(username, task, back ? "RETURN" : "APPROVE", a, node);
                decisionSteps.put(step, true);
                return;
            }
            if (a == null || a.status != 409 || !permitted.contains("COMPLETE")) {
                return;
            }
            // Not a decision after all (not learned yet): a plain step.
            decisionSteps.put(step, false);
        }
        if (permitted.contains("COMPLETE")) {
            Answer a = call(node, username, "POST", "/api/tasks/" + task + "/complete", "{\"outcome\":\"DONE\"}",
                    "POST /complete");
            if (a != null && a.status == 200) {
                remember(username, task, "COMPLETE", a, node);
            }
        }
    }

    /**
     * The task to work: one already claimed by this username (any client of it) with a finishing action, else one of
     * the first three that may be claimed, at random (so clients of one jabatan race for the same tasks).
     */
    private static JsonNode choose(JsonNode items, String username, Random random) {
        List<JsonNode> mine = new ArrayList<>();
        List<JsonNode> claimable = new ArrayList<>();
        for (JsonNode item : items) {
            Set<String> actions = actions(item);
            if (actions.contains("CLAIM")) {
                claimable.add(item);
            } else if (!actions.isEmpty() && !(actions.size() == 1 && actions.contains("TAKE_OVER"))) {
                mine.add(item);
            }
        }
        if (!mine.isEmpty() && (claimable.isEmpty() || random.nextBoolean())) {
            return mine.get(random.nextInt(Math.min(2, mine.size())));
        }
        return claimable.isEmpty() ? null : claimable.get(random.nextInt(Math.min(3, claimable.size())));
    }

    private static Set<String> actions(JsonNode item) {
        Set<String> set = new java.util.HashSet<>();
        JsonNode actions = item.get("permittedActions");
        if (actions != null) {
            actions.forEach(a -> set.add(a.asString()));
        }
        return set;
    }

    private void remember(String username, long task, String action, Answer a, int node) {
        String caseStatus = a.json.get("caseStatus").asString();
        acted.add(new Acted(username, task, action, a.json.get("caseId").asLong(), a.json.get("taskStatus").asString(),
                caseStatus, node, System.nanoTime()));
        if ("CLOSED".equals(caseStatus)) {
            open.decrementAndGet();
            closed.incrementAndGet();
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    /** One request; null when the node could not be reached (counted as a connection error). */
    private Answer call(int node, String username, String method, String path, String body, String endpoint) {
        String base = nodeUrl.apply(node);
        if (base == null) {
            connectionErrors.increment();
            connectionErrorsByNode[node].incrementAndGet();
            count(endpoint + " connection-error");
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            connectionErrors.increment();
            connectionErrorsByNode[node].incrementAndGet();
            count(endpoint + " connection-error");
            if (!down.get(node)) {
                unexpected.add(endpoint + " node" + node + ": " + e);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
            return null;
        }
        requests.increment(); // answered requests only: connection errors are counted apart
        int status = response.statusCode();
        count(endpoint + " " + status);
        if (status == 409) {
            conflicts.increment();
        } else if (status >= 500) {
            serverErrors.increment();
            unexpected.add(endpoint + " node" + node + " " + status + ": " + abbreviate(response.body()));
        } else if (status >= 400) {
            otherErrors.increment();
            unexpected.add(endpoint + " node" + node + " " + status + ": " + abbreviate(response.body()));
        }
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (RuntimeException e) {
            json = JSON.createObjectNode();
        }
        return new Answer(status, json);
    }

    private void count(String key) {
        byEndpointStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // What the run saw.

    public List<Acted> acted() {
        return List.copyOf(acted);
    }

    public List<Started> started() {
        return List.copyOf(started);
    }

    /** Requests answered (any status); connection errors not included. */
    public long requests() {
        return requests.sum();
    }

    public long conflicts() {
        return conflicts.sum();
    }

    public long serverErrors() {
        return serverErrors.sum();
    }

    /** 4xx answers other than 409: the clients only act on their own worklists, so none is expected. */
    public long otherErrors() {
        return otherErrors.sum();
    }

    public long connectionErrors() {
        return connectionErrors.sum();
    }

    public long connectionErrors(int node) {
        return connectionErrorsByNode[node].get();
    }

    public long closedCases() {
        return closed.get();
    }

    /** Answers that are not expected whatever the races: 5xx, 4xx other than 409, connection errors to a live node. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Requests by endpoint and status ({@code POST /claim 409}), sorted. */
    public Map<String, Long> byEndpointStatus() {
        Map<String, Long> sorted = new TreeMap<>();
        byEndpointStatus.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
