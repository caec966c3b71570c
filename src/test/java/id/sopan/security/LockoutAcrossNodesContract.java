package id.sopan.security;

import id.sopan.SopanApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database (the production setup: two instances on one PostgreSQL) share the
 * sign-in lockout: failures counted on one node lock the username on the other. Each node is a whole web
 * application on its own port, signed in to over HTTP.
 */
abstract class LockoutAcrossNodesContract {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The datasource (and Flyway) settings of the shared database, as {@code --key=value} arguments. */
    abstract List<String> database();

    private int start() {
        List<String> args = new ArrayList<>(database());
        args.addAll(List.of("--server.port=0", "--sopan.sla.enabled=false", "--sopan.sla.initial-delay=PT24H",
                "--sopan.attachments.dir=target/test-attachments-nodes", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        ConfigurableApplicationContext node = new SpringApplicationBuilder(SopanApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(args.toArray(String[]::new));
        nodes.add(node);
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    private int tasks(int port, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void failuresOnOneNodeLockTheUsernameOnTheOther() throws Exception {
        int a = start();
        int b = start();
        assertThat(a).isNotEqualTo(b);
        assertThat(tasks(b, "staf.perencana", "demo")).isEqualTo(200);
        // Three failures on node A, two on node B: five in all.
        for (int i = 0; i < 3; i++) {
            assertThat(tasks(a, "staf.perencana", "salah")).isEqualTo(401);
        }
        assertThat(tasks(a, "staf.perencana", "demo")).as("4 failures short of the lock, on A")
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(tasks(i % 2 == 0 ? a : b, "staf.perencana", "salah")).isEqualTo(401);
        }
        assertThat(tasks(b, "staf.perencana", "demo")).as("locked on B").isEqualTo(401);
        assertThat(tasks(a, "staf.perencana", "demo")).as("locked on A").isEqualTo(401);
        assertThat(tasks(b, "staf.pelaporan", "demo")).as("another user").isEqualTo(200);
    }
}
