package id.sopan.web;

import id.sopan.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring form in a real browser: the Setda evaluator changes one row, saves it (htmx), signs the form off
 * with the version the page has seen (its own save included) and then sees the form read-only.
 */
class ReportBrowserTest extends ReportWebTestSupport {

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeEach
    void at() {
        browser.at("http://localhost:" + port);
    }

    @Test
    void anEvaluatorChangesARowSavesItAndSignsTheMonitoringFormOff() {
        browser.signIn("evaluator.organisasi", "demo");
        browser.waitFor(d -> !d.getCurrentUrl().contains("/login"));
        browser.find(By.linkText("Laporan")).click();
        browser.waitForText(By.tagName("h1"), "Laporan SOP AP");
        browser.open("/laporan/monitoring/2025/1");
        browser.waitForText(By.tagName("h1"), "Semester I tahun 2025");

        // Nothing ran in 2025: the data suggest "tidak berjalan dengan baik"; the evaluator knows better.
        WebElement row = browser.find(By.id("baris-UMM-06"));
        assertThat(row.findElement(By.cssSelector("input[value=TIDAK_BAIK]")).isSelected()).isTrue();
        row.findElement(By.cssSelector("input[value=BAIK]")).click();
        WebElement catatan = row.findElement(By.id("catatan-UMM-06"));
        catatan.clear();
        catatan.sendKeys("Dijalankan di luar aplikasi; berkas cuti lengkap.");
        row.findElement(By.cssSelector("form.row-save button")).click();
        browser.waitForText(By.id("baris-UMM-06"), "Baris UMM-06 tersimpan.");
        WebElement saved = browser.find(By.id("baris-UMM-06"));
        assertThat(saved.getText()).contains("Rudi Hartono (Setda Bagian Organisasi)");
        assertThat(saved.findElement(By.cssSelector("input[value=BAIK]")).isSelected()).isTrue();
        assertThat(saved.findElement(By.cssSelector("input[name=version]")).getAttribute("value")).isEqualTo("0");
        // The sign-off form now carries the form's new version (HX-Trigger), so signing off is no conflict.
        assertThat(browser.find(By.cssSelector("input[data-form-version]")).getAttribute("value")).isEqualTo("1");

        browser.find(By.cssSelector(".sign-off button")).click();
        browser.waitForText(By.cssSelector("main"), "Formulir monitoring telah disahkan.");
        assertThat(browser.find(By.cssSelector(".form-state .signed")).getText())
                .startsWith("Disahkan oleh Rudi Hartono (Setda Bagian Organisasi)");
        assertThat(browser.driver().findElements(By.tagName("textarea"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".sign-off"))).isEmpty();
        WebElement readOnly = browser.find(By.id("baris-UMM-06"));
        assertThat(readOnly.getText()).contains("Berjalan dengan baik")
                .contains("Dijalankan di luar aplikasi; berkas cuti lengkap.");
        assertThat(browser.find(By.cssSelector("section.history")).getText()).contains("Disimpan").contains("Disahkan");
    }
}
