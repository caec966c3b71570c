package id.sopan.bench.nodes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One app node as a child process ({@code java -jar target/sopan.jar} or {@code java -cp ... SopanApplication}) on a
 * loopback port, its output in a log file. {@link #kill()} is {@code destroyForcibly} (SIGKILL on Linux): no shutdown
 * hook runs, open transactions are cut off by the database when the connections drop.
 */
public final class NodeProcess {

    private final List<String> launcher;
    private final List<String> settings;
    private final int port;
    private final Path log;
    private Process process;

    /**
     * @param launcher e.g. {@code [java, -Xmx512m, -jar, target/sopan.jar]} or {@code [java, -cp, CP, id.sopan.SopanApplication]}
     * @param settings {@code --name=value} settings (the database, the SLA interval...); the port is added
     */
    public NodeProcess(List<String> launcher, List<String> settings, int port, Path log) {
        this.launcher = List.copyOf(launcher);
        this.settings = List.copyOf(settings);
        this.port = port;
        this.log = log;
    }

    /** A free loopback port now (another process could take it before the node binds it; unlikely on loopback). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The launcher of the test JVM's own classpath (Surefire's, when run by it). */
    public static List<String> classpathLauncher(String... jvmOptions) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", cp, "id.sopan.SopanApplication"));
        return command;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the node and waits until a demo account's {@code GET /api/tasks} is answered 200 (or fails after the timeout). */
    public void start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(settings);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        // The probe below signs in before the accounts exist: its 401s must not lock the account (sopan.login.*).
        command.add("--sopan.login.max-failures=1000000");
        Files.createDirectories(log.toAbsolutePath().getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node on port " + port + " exited with " + process.exitValue()
                        + " while starting; see " + log);
            }
            try {
                // Signed in as a demo account: the web server listens before the start-up runners have stored the
                // catalog and the organization (with its accounts); until then this is a 401.
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/tasks?limit=1"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "pegawai:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("node on port " + port + " did not answer within " + timeout + "; see " + log);
    }

    /** SIGKILL: the process ends at once, mid-request, mid-transaction. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A graceful stop (SIGTERM: Spring closes the context, Tomcat finishes its requests). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
