package id.sopan.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signing in: the session id changes at sign-in (no session fixation), and a username is locked after 5 failed
 * sign-ins within 15 minutes, for 15 minutes, on the form and on HTTP Basic alike (one count for both).
 */
class SignInSecurityTest extends AccessTestSupport {

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsWorthNothing() throws Exception {
        String base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String before = session(cookies);
        assertThat(before).as("the sign-in page's session (it holds the CSRF token)").isNotNull();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=pegawai&password=demo&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = session(cookies);
        assertThat(after).isNotNull().isNotEqualTo(before);

        HttpClient attacker = HttpClient.newBuilder().build();
        HttpResponse<String> withOld = attacker.send(HttpRequest.newBuilder(URI.create(base + "/tugas"))
                .header("Cookie", "JSESSIONID=" + before).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withOld.statusCode()).isEqualTo(302);
        assertThat(withOld.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> withNew = attacker.send(HttpRequest.newBuilder(URI.create(base + "/tugas"))
                .header("Cookie", "JSESSIONID=" + after).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withNew.statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() throws Exception {
        MvcResult in = mvc.perform(formLogin("/login").user("staf.umum").password("demo")).andReturn();
        MockHttpSession session = (MockHttpSession) in.getRequest().getSession(false);
        assertThat(mvc.perform(post("/logout").session(session)).andReturn().getResponse().getStatus())
                .as("a forged sign-out").isEqualTo(403);
        assertThat(mvc.perform(get("/tugas").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post("/logout").session(session).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(session.isInvalid()).isTrue();
    }

    private String formSignIn(String username, String password) throws Exception {
        return mvc.perform(formLogin("/login").user(username).password(password)).andReturn().getResponse()
                .getRedirectedUrl();
    }

    private int basic(String username, String password) throws Exception {
        return mvc.perform(get("/api/tasks").with(httpBasic(username, password))).andReturn().getResponse().getStatus();
    }

    @Test
    void fiveFailedFormSignInsLockTheUsernameForFifteenMinutes() throws Exception {
        String user = "kasubbag.keuangan";
        for (int i = 1; i <= 4; i++) {
            assertThat(formSignIn(user, "salah" + i)).isEqualTo("/login?error");
            clock.advance(Duration.ofMinutes(3));
        }
        // 4 failures in 12 minutes: the right password still signs in, and clears the count.
        assertThat(formSignIn(user, "demo")).isEqualTo("/");
        for (int i = 1; i <= 5; i++) {
            assertThat(formSignIn(user, "salah" + i)).isEqualTo("/login?error");
            clock.advance(Duration.ofMinutes(1));
        }
        // Locked: even the right password is refused, and the form says why. So is HTTP Basic.
        assertThat(formSignIn(user, "demo")).isEqualTo("/login?locked");
        assertThat(basic(user, "demo")).isEqualTo(401);
        // Others are not affected.
        assertThat(formSignIn("kasubbag.program", "demo")).isEqualTo("/");
        // The 5th failure was 1 minute ago: locked until 14 minutes from now.
        clock.advance(Duration.ofMinutes(13));
        assertThat(formSignIn(user, "demo")).as("locked for 15 minutes from the 5th failure").isEqualTo("/login?locked");
        clock.advance(Duration.ofMinutes(2));
        MvcResult again = mvc.perform(formLogin("/login").user(user).password("demo")).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/tugas").session((MockHttpSession) again.getRequest().getSession(false)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void fiveFailedBasicSignInsLockTheUsernameOnTheFormToo() throws Exception {
        String user = "kasi.badanusaha";
        // Failures spread beyond the window do not add up: 4 old ones, 16 minutes, then 4 more.
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "salah")).isEqualTo(401);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "salah")).isEqualTo(401);
        }
        assertThat(basic(user, "demo")).isEqualTo(200);
        // Five in a row, now with the form and Basic mixed: one count for both.
        for (int i = 0; i < 3; i++) {
            assertThat(basic(user, "salah")).isEqualTo(401);
        }
        assertThat(formSignIn(user, "salah")).isEqualTo("/login?error");
        assertThat(basic(user, "salah")).isEqualTo(401);
        assertThat(basic(user, "demo")).isEqualTo(401);
        assertThat(formSignIn(user, "demo")).isEqualTo("/login?locked");
        // The username is matched as typed, in any case and with spaces around it.
        assertThat(basic(" KASI.BadanUsaha ", "demo")).isEqualTo(401);
        clock.advance(Duration.ofMinutes(15));
        assertThat(basic(user, "demo")).isEqualTo(200);
    }
}
