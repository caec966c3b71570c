package id.sopan.ops;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator on a port of its own ({@code management.server.port}): the same rules, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:ops-port;DB_CLOSE_DELAY=-1",
        "sopan.clock=movable",
        "sopan.sla.initial-delay=PT24H",
        "management.server.port=0"})
class ManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsPublicAndPrometheusIsTheAdministratorsOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> health = get(managementPort, "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(get(managementPort, "/actuator/health", "kasubbag.umum").body()).contains("\"sla\"", "\"queues\"");
        assertThat(get(managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/prometheus", "pegawai").statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", "kasubbag.umum");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("sopan_tasks_open");
        // Not on the application's port any more.
        assertThat(get(port, "/actuator/prometheus", "kasubbag.umum").statusCode()).isNotEqualTo(200);
    }
}
