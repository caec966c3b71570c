package id.sopan.nodes;

import id.sopan.bench.nodes.NodeInvariants;
import id.sopan.bench.nodes.NodeLoad;
import id.sopan.bench.nodes.OverdueMaker;
import id.sopan.casework.AuditService;
import id.sopan.support.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes (the whole web application twice in this JVM, each on its own port) on one PostgreSQL schema, 16
 * clients over both for 10 seconds racing for the same tasks and starting cases on both, the SLA watch running on
 * both every second while tasks are made overdue. Nothing may be lost, done twice or left half-way
 * ({@link NodeInvariants}), every race is a 409 (never a 5xx), and every hash chain verifies.
 */
class TwoNodesPostgresTest {

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Test
    void twoNodesRaceForTheSameTasksWithoutLosingOrDoublingAnything() throws Exception {
        // One after the other: the first migrates the schema and stores the catalog, the second finds them.
        try (ConfigurableApplicationContext first = Nodes.start(SCHEMA);
             ConfigurableApplicationContext second = Nodes.start(SCHEMA)) {
            String[] urls = {Nodes.url(first), Nodes.url(second)};
            NodeLoad load = new NodeLoad(i -> urls[i], 2, Nodes.CLIENTS, 6, 0.15);
            try (OverdueMaker overdue = new OverdueMaker(SCHEMA.jdbcUrl(), Nodes.props(), Duration.ofMillis(500), 2)
                    .start()) {
                load.run(Duration.ofSeconds(10));
                // Under load the clients may finish every task made overdue before a watch runs (seen on a fast
                // machine); a few more made with the clients stopped stay open for the watches to mark.
                Thread.sleep(Duration.parse(Nodes.SLA_INTERVAL).multipliedBy(2).toMillis());
                assertThat(overdue.failure()).isNull();
                assertThat(overdue.made()).isPositive();
            }
            Instant cutoff = Instant.now().minus(Duration.parse(Nodes.SLA_INTERVAL));
            Thread.sleep(Duration.parse(Nodes.SLA_INTERVAL).multipliedBy(3).toMillis() + 1000);

            assertThat(load.unexpected()).as("5xx, 4xx other than 409, connection errors: %s", load.byEndpointStatus())
                    .isEmpty();
            assertThat(load.serverErrors()).isZero();
            assertThat(load.connectionErrors()).isZero();
            assertThat(load.started()).as("cases started on both nodes")
                    .anyMatch(s -> s.node() == 0).anyMatch(s -> s.node() == 1);
            assertThat(load.acted()).as("task actions answered on both nodes")
                    .anyMatch(a -> a.node() == 0).anyMatch(a -> a.node() == 1);
            assertThat(load.conflicts()).as("the clients did race: %s", load.byEndpointStatus()).isPositive();
            System.out.printf("two nodes: %d requests %s, %d cases closed%n", load.requests(), load.byEndpointStatus(),
                    load.closedCases());

            NodeInvariants.Report report;
            try (Connection c = Nodes.connect(SCHEMA)) {
                report = NodeInvariants.check(c, load.started(), load.acted(), cutoff);
            }
            assertThat(report.total()).as("invariant violations:%n%s", report.describe()).isZero();
            assertThat(report.counts().get("tasks_overdue")).as("tasks marked overdue").isPositive();
            assertThat(report.counts().get("notification")).as("notifications").isPositive();

            AuditService.Report audit = first.getBean(AuditService.class).verifyAll();
            assertThat(audit.breaks()).isEmpty();
            assertThat(audit.cases()).isEqualTo(report.counts().get("case_file"));
        }
    }
}
