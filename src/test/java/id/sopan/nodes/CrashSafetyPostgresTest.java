package id.sopan.nodes;

import id.sopan.bench.nodes.NodeInvariants;
import id.sopan.bench.nodes.NodeLoad;
import id.sopan.bench.nodes.NodeProcess;
import id.sopan.bench.nodes.OverdueMaker;
import id.sopan.casework.AuditService;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: node 0 in this JVM, node 1 a child process ({@code java -cp <this classpath> SopanApplication}), 16
 * clients over both; node 1 is killed with SIGKILL ({@code destroyForcibly}) in the middle of the load and started
 * again. Every action answered 2xx (on either node, before or after the kill) is in the database, every hash chain
 * verifies, no case is stuck between steps; the killed node's clients only get connection errors while it is down.
 */
class CrashSafetyPostgresTest {

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Test
    void aNodeKilledMidLoadLosesNoAnsweredActionAndLeavesNoCaseStuck() throws Exception {
        try (ConfigurableApplicationContext first = Nodes.start(SCHEMA)) {
            NodeProcess child = new NodeProcess(NodeProcess.classpathLauncher("-Xms64m", "-Xmx384m",
                    "-XX:TieredStopAtLevel=1"), Nodes.settings(SCHEMA), NodeProcess.freePort(),
                    Path.of("target", "nodes", "crash-" + SCHEMA.schema() + ".log"));
            try {
                child.start(Duration.ofMinutes(3));
                String[] urls = {Nodes.url(first), child.url()};
                NodeLoad load = new NodeLoad(i -> urls[i], 2, Nodes.CLIENTS, 6, 0.15);
                AtomicReference<Throwable> failed = new AtomicReference<>();
                Thread runner = new Thread(() -> {
                    try {
                        load.run(Duration.ofMinutes(5)); // until stopped
                    } catch (Throwable t) {
                        failed.set(t);
                    }
                });
                long restarted;
                long actedBeforeKill;
                try (OverdueMaker overdue = new OverdueMaker(SCHEMA.jdbcUrl(), Nodes.props(), Duration.ofMillis(500), 2)
                        .start()) {
                    runner.start();
                    Thread.sleep(6000);
                    actedBeforeKill = load.acted().stream().filter(a -> a.node() == 1).count();
                    load.expectDown(1, true);
                    child.kill();
                    assertThat(child.alive()).isFalse();
                    Thread.sleep(1000);
                    child.start(Duration.ofMinutes(3));
                    load.expectDown(1, false);
                    restarted = System.nanoTime();
                    Thread.sleep(6000);
                    load.stop();
                    runner.join();
                }
                assertThat(failed.get()).isNull();
                Instant cutoff = Instant.now().minus(Duration.parse(Nodes.SLA_INTERVAL));
                Thread.sleep(Duration.parse(Nodes.SLA_INTERVAL).multipliedBy(3).toMillis() + 1000);

                assertThat(actedBeforeKill).as("node 1 served before the kill").isPositive();
                assertThat(load.connectionErrors(1)).as("node 1's clients while it was down").isPositive();
                assertThat(load.connectionErrors(0)).isZero();
                assertThat(load.acted()).as("node 1 served again after its restart")
                        .anyMatch(a -> a.node() == 1 && a.atNanos() > restarted);
                assertThat(load.unexpected()).as("5xx, 4xx other than 409, connection errors to a live node: %s",
                        load.byEndpointStatus()).isEmpty();
                assertThat(load.serverErrors()).isZero();
                System.out.printf("crash: %d requests %s, %d cases closed%n", load.requests(), load.byEndpointStatus(),
                        load.closedCases());

                NodeInvariants.Report report;
                try (Connection c = Nodes.connect(SCHEMA)) {
                    report = NodeInvariants.check(c, load.started(), load.acted(), cutoff);
                }
                assertThat(report.total()).as("invariant violations:%n%s", report.describe()).isZero();
                AuditService.Report audit = first.getBean(AuditService.class).verifyAll();
                assertThat(audit.breaks()).isEmpty();
                assertThat(audit.cases()).isEqualTo(report.counts().get("case_file"));
            } finally {
                child.kill();
            }
        }
    }
}
