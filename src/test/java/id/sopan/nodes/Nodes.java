package id.sopan.nodes;

import id.sopan.SopanApplication;
import id.sopan.support.PostgresAvailable;
import id.sopan.support.PostgresSchema;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** App nodes of the two-node tests: the settings that put a node into a test schema, in this JVM or a child. */
final class Nodes {

    /** The SLA watch's interval on every node of these tests. */
    static final String SLA_INTERVAL = "PT1S";

    /** 16 clients: several of each username, spread over the nodes by {@code NodeLoad}. */
    static final Map<String, Integer> CLIENTS = new LinkedHashMap<>();

    static {
        CLIENTS.put("starter:pegawai", 2);
        CLIENTS.put("pegawai", 2);
        CLIENTS.put("staf.kepegawaian", 3);
        CLIENTS.put("kasubbag.umum", 4);
        CLIENTS.put("sekdis", 2);
        CLIENTS.put("kadis", 3);
    }

    private Nodes() {
    }

    /** {@code --name=value} settings of a node on the schema: small pool, SLA watch every second, quiet logs. */
    static List<String> settings(PostgresSchema schema) {
        return new ArrayList<>(List.of(
                "--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + PostgresAvailable.USER,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema.schema(),
                "--spring.flyway.default-schema=" + schema.schema(),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.datasource.hikari.minimum-idle=0",
                "--sopan.sla.interval=" + SLA_INTERVAL,
                "--sopan.sla.initial-delay=PT1S",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--sopan.attachments.dir=target/nodes-attachments"));
    }

    /** A node in this JVM: the whole web application on a random loopback port. */
    static ConfigurableApplicationContext start(PostgresSchema schema) {
        List<String> args = settings(schema);
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        return new SpringApplicationBuilder(SopanApplication.class).run(args.toArray(String[]::new));
    }

    static String url(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    static Properties props() {
        Properties props = new Properties();
        props.setProperty("user", PostgresAvailable.USER);
        return props;
    }

    static Connection connect(PostgresSchema schema) throws SQLException {
        return DriverManager.getConnection(schema.jdbcUrl(), props());
    }
}
