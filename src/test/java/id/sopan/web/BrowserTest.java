package id.sopan.web;

import id.sopan.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The web app in a real (headless) Chromium, as its users see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "sopan.login.max-failures=3"})
class BrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void at() {
        browser.at("http://localhost:" + port);
    }

    @Test
    void theCatalogIsPublicAndSpeaksIndonesianOrEnglish() {
        browser.open("/katalog");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Katalog SOP");
        assertThat(browser.driver().findElements(By.cssSelector("tbody tr"))).hasSize(48);
        browser.find(By.id("q")).sendKeys("cuti");
        browser.find(By.cssSelector("form.filters button")).click();
        browser.waitFor(d -> d.findElements(By.cssSelector("tbody tr")).size() == 2);
        browser.find(By.linkText("UMM-06")).click();
        assertThat(browser.find(By.tagName("h1")).getText()).contains("Cuti Tahunan");
        browser.find(By.cssSelector("a[lang=en]")).click();
        browser.waitForText(By.tagName("main"), "SOP identity");
    }

    @Test
    void aRejectedSignInSaysSoAndRepeatedFailuresLockTheAccount() {
        browser.signIn("kadis", "salah");
        // The answer is a new page: read its alert once it has come (an element of the page before goes stale).
        browser.waitForText(By.cssSelector("[role=alert]"), "salah");
        browser.signIn("kadis", "salah");
        browser.signIn("kadis", "salah");
        browser.signIn("kadis", "demo");
        browser.waitForText(By.cssSelector("[role=alert]"), "dikunci");
        // Another user is not affected.
        browser.signIn("sekdis", "demo");
        browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.find(By.cssSelector("header .who")).getText()).isNotBlank();
        browser.signOut();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
    }
}
