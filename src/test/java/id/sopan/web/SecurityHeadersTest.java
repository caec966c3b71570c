package id.sopan.web;

import id.sopan.flowchart.FlowchartSvg;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The security headers of every answer (the access matrix checks them on each of its answers through
 * {@link #missingHeaders}), and what keeps the pages working under the strict Content-Security-Policy: no inline
 * script, style or event handler in any template, the flowchart's rules in the site's style sheet.
 */
class SecurityHeadersTest extends AccessTestSupport {

    /** Null when the answer carries the headers every answer needs, else which one is missing or wrong. */
    static String missingHeaders(MockHttpServletResponse response, boolean api, boolean signedIn) {
        String csp = response.getHeader("Content-Security-Policy");
        if (csp == null || !csp.contains("frame-ancestors 'none'")) {
            return "Content-Security-Policy without frame-ancestors 'none': " + csp;
        }
        if (api ? !csp.startsWith("default-src 'none'")
                : !csp.contains("script-src 'self'") || !csp.contains("style-src 'self';") || csp.contains("unsafe")) {
            return "Content-Security-Policy not strict: " + csp;
        }
        if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
            return "X-Frame-Options: " + response.getHeader("X-Frame-Options");
        }
        if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
            return "X-Content-Type-Options: " + response.getHeader("X-Content-Type-Options");
        }
        if (!"same-origin".equals(response.getHeader("Referrer-Policy"))) {
            return "Referrer-Policy: " + response.getHeader("Referrer-Policy");
        }
        String cache = response.getHeader("Cache-Control");
        if (signedIn && (cache == null || !cache.contains("no-store"))) {
            return "Cache-Control of a signed-in answer: " + cache;
        }
        return null;
    }

    @Test
    void pagesApiAnswersStaticFilesAndErrorsCarryTheHeaders() throws Exception {
        record Case(String what, MockHttpServletResponse response, boolean api, boolean signedIn) {
        }
        List<Case> answers = List.of(
                new Case("catalog", mvc.perform(get("/katalog")).andReturn().getResponse(), false, false),
                new Case("login", mvc.perform(get("/login")).andReturn().getResponse(), false, false),
                new Case("style sheet", mvc.perform(get("/css/sopan.css")).andReturn().getResponse(), false, false),
                new Case("script", mvc.perform(get("/js/sopan.js")).andReturn().getResponse(), false, false),
                new Case("no such page", mvc.perform(get("/katalog/XXX-99")).andReturn().getResponse(), false, false),
                new Case("sign-in asked", mvc.perform(get("/tugas")).andReturn().getResponse(), false, false),
                new Case("worklist", mvc.perform(get("/tugas").with(as("pegawai"))).andReturn().getResponse(), false, true),
                new Case("forbidden page", mvc.perform(get("/admin").with(as("pegawai"))).andReturn().getResponse(),
                        false, true),
                new Case("API catalog", mvc.perform(get("/api/catalog")).andReturn().getResponse(), true, false),
                new Case("API 401", mvc.perform(get("/api/tasks")).andReturn().getResponse(), true, false),
                new Case("API wrong password", mvc.perform(get("/api/tasks").with(httpBasic("pegawai", "salah")))
                        .andReturn().getResponse(), true, false),
                new Case("API tasks", mvc.perform(get("/api/tasks").with(httpBasic("pegawai", "demo")))
                        .andReturn().getResponse(), true, true),
                new Case("API 404", mvc.perform(get("/api/cases/999999").with(httpBasic("pegawai", "demo")))
                        .andReturn().getResponse(), true, true));
        for (Case c : answers) {
            assertThat(missingHeaders(c.response(), c.api(), c.signedIn())).as(c.what()).isNull();
        }
        assertThat(answers.get(0).response().getHeader("Content-Security-Policy")).isEqualTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'");
        assertThat(answers.get(8).response().getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answers.get(6).response().getHeader("Cache-Control"))
                .isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void swaggerUiAloneMayUseInlineStyleAttributes() throws Exception {
        String csp = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(csp).contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';")
                .contains("frame-ancestors 'none'");
    }

    /** What a strict policy refuses: a script or style element, a style or event attribute, a javascript: link. */
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bth:src=)[^>]*>|<style|\\sstyle=|\\sth:style=|\\son[a-z]+=|\\sth:on[a-z]+=|hx-on|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptStyleOrHandlers() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                var m = INLINE.matcher(text);
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theFlowchartIsStyledByTheSiteStyleSheetNotInline() throws Exception {
        String css = mvc.perform(get("/css/sopan.css")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).contains(FlowchartSvg.styleSheet());
        String page = mvc.perform(get("/katalog/UMM-06")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("class=\"fc\"").doesNotContain("<style").doesNotContain(" style=");
        // htmx is told not to add its own <style> (refused by the policy) and not to evaluate code.
        assertThat(page).contains("<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false,\"allowEval\":false}'>");
    }
}
