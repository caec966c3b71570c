package id.sopan.bench.nodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The two-node soak ({@code bench/soak.sh}): a fresh PostgreSQL database, two nodes from {@code target/sopan.jar}
 * as separate processes on loopback ports, both running the SLA watch every {@code --sla-interval}, 32 clients
 * (by default) over both for {@code --seconds}, some tasks made overdue as they go; in the middle ({@code --kill-at})
 * node 1 is killed with SIGKILL and restarted {@code --down} seconds later. Then: the counts by endpoint and status,
 * the invariants of {@link NodeInvariants} by name, and {@code audit verify} of the jar on the same database.
 * Exit code 0 when nothing was violated, no 5xx and no unexpected answer; 1 otherwise.
 */
public final class SoakRun {

    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "120"));
        int killAt = Integer.parseInt(o.getOrDefault("kill-at", String.valueOf(seconds / 2)));
        int down = Integer.parseInt(o.getOrDefault("down", "10"));
        Path jar = Path.of(o.getOrDefault("jar", "target/sopan.jar"));
        Duration sla = Duration.parse(o.getOrDefault("sla-interval", "PT2S"));
        int maxOpen = Integer.parseInt(o.getOrDefault("max-open", "60"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "32"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "10"));
        String jvm = o.getOrDefault("jvm", "-Xms256m -Xmx512m");
        Path out = Path.of(o.getOrDefault("out", "target/soak"));
        boolean keep = Boolean.parseBoolean(o.getOrDefault("keep-db", "false"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no " + jar + ": build it first (mvn -B -DskipTests package)");
        }
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String database = "sopan_soak_" + stamp.replace("-", "_");
        String dbUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        execute(ADMIN_URL, props, "CREATE DATABASE " + database);
        StringBuilder report = new StringBuilder();
        int exit = 1;
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            List<String> launcher = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            launcher.addAll(List.of(jvm.trim().split("\\s+")));
            launcher.addAll(List.of("-jar", jar.toString()));
            List<String> settings = List.of("--spring.datasource.url=" + dbUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=" + pool,
                    "--sopan.sla.interval=" + sla, "--sopan.sla.initial-delay=PT1S", "--spring.main.banner-mode=off");
            for (int i = 0; i < 2; i++) {
                nodes.add(new NodeProcess(launcher, settings, NodeProcess.freePort(), out.resolve(stamp + "-node" + i + ".log")));
            }
            // One after the other: the first creates the schema and stores the catalog, the second finds them.
            for (NodeProcess node : nodes) {
                node.start(Duration.ofMinutes(3));
            }
            Map<String, Integer> mix = scaled(clients);
            NodeLoad load = new NodeLoad(i -> nodes.get(i).url(), 2, mix, maxOpen, 0.1);
            String loadBefore = loadAverage();
            line(report, "Two-node soak %s: %d s, %d clients %s, SLA watch every %s on both nodes, kill of node 1 at %s",
                    stamp, seconds, NodeLoad.clientCount(mix), mix, sla,
                    killAt > 0 && killAt < seconds ? killAt + " s for " + down + " s" : "none");
            line(report, "database %s, nodes on ports %d and %d (%s), pool %d each; load average before: %s",
                    database, nodes.get(0).port(), nodes.get(1).port(), jvm, pool, loadBefore);
            Map<String, long[]> phases = new LinkedHashMap<>();
            long[] backAt = {Long.MAX_VALUE};
            long started = System.nanoTime();
            try (OverdueMaker overdue = new OverdueMaker(dbUrl, props, Duration.ofSeconds(1), 3).start()) {
                Thread runner = new Thread(() -> {
                    try {
                        load.run(Duration.ofDays(1)); // until stopped below
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "load");
                runner.start();
                long endAt = seconds;
                if (killAt > 0 && killAt < seconds) {
                    sleepUntil(started, killAt);
                    phases.put("before the kill", snapshot(load, started));
                    load.expectDown(1, true);
                    nodes.get(1).kill();
                    line(report, "%.1f s: node 1 killed (SIGKILL)", secondsSince(started));
                    sleepUntil(started, killAt + down);
                    long restart = System.nanoTime();
                    nodes.get(1).start(Duration.ofMinutes(3));
                    load.expectDown(1, false);
                    backAt[0] = System.nanoTime();
                    phases.put("node 1 down", snapshot(load, started));
                    double back = secondsSince(started);
                    line(report, "%.1f s: node 1 answering again (its start took %.1f s)", back,
                            (System.nanoTime() - restart) / 1e9);
                    // However long the restart took, both nodes then work together for the rest of the planned time
                    // (at least a fifth of it).
                    endAt = Math.max(seconds, (long) Math.ceil(back) + Math.max(seconds - killAt - down, seconds / 5));
                }
                sleepUntil(started, (int) endAt);
                load.stop();
                runner.join();
                phases.put(phases.isEmpty() ? "whole run" : "after the restart", snapshot(load, started));
                line(report, "overdue: %d task(s) given a past deadline%s", overdue.made(),
                        overdue.failure() == null ? "" : " (last error: " + overdue.failure() + ")");
            }
            double wall = secondsSince(started);
            Instant cutoff = Instant.now();
            // Give both SLA watches two rounds to mark what became overdue last.
            Thread.sleep(sla.multipliedBy(3).toMillis() + 2000);
            String loadAfter = loadAverage();

            line(report, "");
            line(report, "requests answered %d in %.1f s: %.1f requests/s; task actions answered 2xx %d (%.1f/s); cases started %d, closed %d",
                    load.requests(), wall, load.requests() / wall, load.acted().size(), load.acted().size() / wall,
                    load.started().size(), load.closedCases());
            line(report, "conflicts (409) %d, server errors (5xx) %d, other 4xx %d, connection errors %d (node 0: %d, node 1: %d)",
                    load.conflicts(), load.serverErrors(), load.otherErrors(), load.connectionErrors(),
                    load.connectionErrors(0), load.connectionErrors(1));
            line(report, "load average after: %s", loadAfter);
            line(report, "2xx task actions by node: node 0 %d, node 1 %d (after its restart %d)",
                    load.acted().stream().filter(a -> a.node() == 0).count(),
                    load.acted().stream().filter(a -> a.node() == 1).count(),
                    load.acted().stream().filter(a -> a.node() == 1 && a.atNanos() > backAt[0]).count());
            line(report, "%-18s %8s %9s %10s %10s %12s", "phase", "until s", "answered", "answers/s", "2xx acts",
                    "conn. errors");
            long[] previous = {0, 0, 0, 0};
            phases.forEach((name, s) -> {
                double span = (s[0] - previous[0]) / 1000.0;
                line(report, "%-18s %8.1f %9d %10.1f %10d %12d", name, s[0] / 1000.0, s[1] - previous[1],
                        (s[1] - previous[1]) / span, s[2] - previous[2], s[3] - previous[3]);
                System.arraycopy(s, 0, previous, 0, 4);
            });
            line(report, "");
            line(report, "by endpoint and status:");
            load.byEndpointStatus().forEach((k, n) -> line(report, "  %-36s %8d", k, n));
            List<String> unexpected = load.unexpected();
            line(report, "unexpected answers: %d", unexpected.size());
            unexpected.stream().limit(10).forEach(u -> line(report, "  %s", u));

            NodeInvariants.Report invariants;
            try (Connection c = DriverManager.getConnection(dbUrl, props)) {
                invariants = NodeInvariants.check(c, load.started(), load.acted(), cutoff.minus(sla));
            }
            line(report, "");
            line(report, "database: %s", invariants.counts());
            line(report, "invariant violations: %d", invariants.total());
            report.append(invariants.describe());

            List<String> audit = new ArrayList<>(launcher);
            audit.addAll(List.of("audit", "verify", "--spring.datasource.url=" + dbUrl,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.hikari.maximum-pool-size=2"));
            Process p = new ProcessBuilder(audit).redirectErrorStream(true).start();
            String auditOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean auditDone = p.waitFor(5, TimeUnit.MINUTES);
            int auditExit = auditDone ? p.exitValue() : -1;
            line(report, "audit verify (exit %d): %s", auditExit, auditOut.replace("\n", " | "));

            boolean ok = invariants.total() == 0 && load.serverErrors() == 0 && unexpected.isEmpty() && auditExit == 0;
            line(report, ok ? "RESULT: OK" : "RESULT: FAILED");
            exit = ok ? 0 : 1;
        } finally {
            for (NodeProcess node : nodes) {
                node.stop();
            }
            if (!keep) {
                execute(ADMIN_URL, props, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            Path file = out.resolve("soak-" + stamp + ".txt");
            Files.writeString(file, report.toString());
            System.out.println("report: " + file + (keep ? ", database kept: " + database : ""));
        }
        System.exit(exit);
    }

    /** The default mix (32 clients), scaled to another number of clients; at least one of each. */
    static Map<String, Integer> scaled(int clients) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        int base = NodeLoad.clientCount(NodeLoad.DEFAULT_CLIENTS);
        NodeLoad.DEFAULT_CLIENTS.forEach((k, n) -> mix.put(k, Math.max(1, Math.round((float) n * clients / base))));
        return mix;
    }

    private static long[] snapshot(NodeLoad load, long started) {
        return new long[]{(System.nanoTime() - started) / 1_000_000, load.requests(), load.acted().size(),
                load.connectionErrors()};
    }

    private static void sleepUntil(long started, int second) throws InterruptedException {
        long wait = started + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String text = String.format(java.util.Locale.ROOT, format, args);
        out.append(text).append('\n');
        System.out.println(text);
        System.out.flush();
    }

    private static void execute(String url, Properties props, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
