package id.sopan.security;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's 401 and 403 answers written by the security filters: problem JSON in the caller's language. */
class ProblemResponsesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProblemResponses problems = new ProblemResponses(messages(), json);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aMissingRoleIs403ProblemJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases/1/cancel");
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.handle(request, response, new AccessDeniedException("no"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("status").asInt()).isEqualTo(403);
        assertThat(body.get("title").asString()).isEqualTo("Tidak berwenang");
        assertThat(body.get("detail").asString()).isEqualTo("Peran Anda tidak mengizinkan permintaan ini.");
        assertThat(body.get("instance").asString()).isEqualTo("/api/cases/1/cancel");
    }

    @Test
    void aMissingOrWrongSignInIs401WithABasicChallengeInTheCallersLanguage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
        request.addHeader("Accept-Language", "en-US,en;q=0.9");
        request.addPreferredLocale(java.util.Locale.US);
        MockHttpServletResponse response = new MockHttpServletResponse();
        problems.commence(request, response, new BadCredentialsException("bad"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=\"Sopan\"");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("title").asString()).isEqualTo("Sign-in required");
        assertThat(body.get("detail").asString()).contains("Wrong username or password");

        MockHttpServletResponse anonymous = new MockHttpServletResponse();
        problems.commence(new MockHttpServletRequest("GET", "/api/tasks"), anonymous,
                new InsufficientAuthenticationException("anonymous"));
        assertThat(json.readTree(anonymous.getContentAsString()).get("detail").asString()).contains("HTTP Basic");
    }
}
