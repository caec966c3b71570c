package id.sopan.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the API on the test server's port: HTTP Basic, JSON in and out. */
final class ApiClient {

    static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, headers, raw body and the body as JSON (null when it is not JSON). */
    record Response(int status, HttpResponse<String> raw, JsonNode body) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    /** A request being built. */
    final class Call {
        private final String method;
        private final String path;
        private String user;
        private String password = PASSWORD;
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call as(String username) {
            this.user = username;
            return this;
        }

        Call as(String username, String password) {
            this.user = username;
            this.password = password;
            return this;
        }

        Call json(String text) {
            this.body = text;
            headers.put("Content-Type", "application/json");
            return this;
        }

        Call json(Object value) {
            return json(json.writeValueAsString(value));
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                JsonNode tree = type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
                return new Response(response.statusCode(), response, tree);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call method(String method, String path) {
        return new Call(method, path);
    }

    JsonMapper mapper() {
        return json;
    }
}
