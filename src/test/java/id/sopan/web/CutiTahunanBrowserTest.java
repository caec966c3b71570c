package id.sopan.web;

import id.sopan.support.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cuti Tahunan case from the pemohon to the archive in a real browser, worked by each jabatan involved with
 * the demo accounts, with one "belum sesuai" return and the BKD hand-off; then the public tracking page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cuti-browser;DB_CLOSE_DELAY=-1", "sopan.sla.initial-delay=PT24H"})
class CutiTahunanBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeEach
    void at() {
        browser.at("http://localhost:" + port);
    }

    @Test
    void aCutiTahunanCaseGoesFromThePemohonToTheArchiveInTheBrowser() {
        // The pemohon applies.
        browser.signIn("pegawai", "demo");
        browser.open("/kasus/baru");
        new Select(browser.find(By.id("sop"))).selectByValue("UMM-06");
        browser.waitFor(d -> d.findElements(By.cssSelector("#kelengkapan input[name=kelengkapan]")).size() == 5);
        new Select(browser.find(By.id("jenis"))).selectByValue("EMPLOYEE");
        browser.find(By.id("nama")).sendKeys("Pegawai Demo");
        browser.find(By.id("pengguna")).sendKeys("pegawai");
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#kelengkapan input[name=kelengkapan]"));
        items.get(0).click();
        items.get(1).click();
        browser.find(By.cssSelector("input[name=diserahkan]")).click();
        browser.find(By.cssSelector("form.stacked button.primary")).click();
        String registration = browser.find(By.cssSelector("main.receipt dd.big")).getText();
        String tracking = browser.find(By.cssSelector("main.receipt dd.mono")).getText();
        assertThat(registration).matches("DKUKM/\\d{4}/\\d{6}");
        assertThat(tracking).hasSize(8);
        browser.signOut();

        // Staf Kepegawaian checks the file and returns it: belum sesuai.
        work("staf.kepegawaian", registration, "ambil", "belum-sesuai", "KTP belum dilegalisir");
        // The pemohon hands in the file again, from their own Kotak Tugas.
        work("pegawai", registration, "ambil", "selesai", null);
        work("staf.kepegawaian", registration, "ambil", "sesuai", null);
        work("kasubbag.umum", registration, "ambil", "selesai", null);
        work("sekdis", registration, "ambil", "sesuai", null);
        work("kadis", registration, "ambil", "selesai", null);
        work("kasubbag.umum", registration, "ambil", "selesai", null);
        // Step 7 is BKD's: Kasubbag Umum hands the file over and receives the permit back.
        work("kasubbag.umum", registration, "ambil", "serahkan", null);
        work("kasubbag.umum", registration, null, "terima", "Surat izin cuti tahunan diterima dari BKD");
        work("kasubbag.umum", registration, "ambil", "selesai", null);
        work("staf.kepegawaian", registration, "ambil", "selesai", null);
        work("pegawai", registration, "ambil", "selesai", null);

        // Anyone can follow it without signing in.
        browser.open("/lacak");
        browser.find(By.id("nomor")).sendKeys(registration);
        browser.find(By.id("kode")).sendKeys(tracking);
        browser.find(By.cssSelector("main form button.primary")).click();
        browser.waitForText(By.tagName("main"), registration);
        assertThat(browser.find(By.tagName("main")).getText()).contains("Selesai").doesNotContain("Pegawai Demo");
    }

    @Test
    void aCompletionByTheWrongJabatanIsRefusedClearly() {
        String registration = applyForCuti();

        browser.signIn("staf.kepegawaian", "demo");
        browser.open("/tugas");
        WebElement row = rowOf(registration);
        String taskId = row.getAttribute("id").replace("tugas-", "");
        browser.signOut();

        // The Kepala Dinas does not see the task, and a crafted request from his session is refused in words.
        browser.signIn("kadis", "demo");
        browser.open("/tugas");
        assertThat(browser.driver().findElements(By.id("tugas-" + taskId))).isEmpty();
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name="_csrf"]').content;
                const header = document.querySelector('meta[name="_csrf_header"]').content;
                fetch('/tugas/' + arguments[0] + '/ambil', {method: 'POST', headers: {[header]: token, 'HX-Request': 'true'}})
                  .then(r => r.text().then(t => done(r.status + ' ' + t)));
                """, taskId);
        assertThat(answer.toString()).startsWith("403").contains("tidak berwenang");
    }

    @Test
    void onAPhoneEachCellOfTheKotakTugasIsLabelledWithItsColumnsHeadingAlsoAfterAnAction() {
        String registration = applyForCuti();

        browser.driver().manage().window().setSize(new Dimension(420, 900));
        browser.signIn("staf.kepegawaian", "demo");
        browser.open("/tugas");
        String id = rowOf(registration).getAttribute("id");
        List<String> headings = List.of("No. registrasi", "SOP", "Langkah", "Pelaksana", "Status", "Batas waktu", "Tindakan");
        assertThat(labelsOf(id)).isEqualTo(headings);
        // What a phone shows before the cell's value: its heading (the table's head itself is off screen).
        Object before = ((JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector('#' + arguments[0] + ' td'), '::before').content", id);
        assertThat(before).isEqualTo("\"No. registrasi\"");

        // The row htmx swaps in after the claim is labelled too.
        browser.find(By.id(id)).findElement(By.cssSelector("button[hx-post$='/ambil']")).click();
        browser.waitFor(d -> d.findElement(By.id(id)).findElements(By.cssSelector("button[hx-post$='/sesuai']")).size() == 1);
        assertThat(labelsOf(id)).isEqualTo(headings);
    }

    /** The pemohon applies for a Cuti Tahunan with the file handed in, and signs out; answers the registration. */
    private String applyForCuti() {
        browser.signIn("pegawai", "demo");
        browser.open("/kasus/baru");
        new Select(browser.find(By.id("sop"))).selectByValue("UMM-06");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#kelengkapan input[name=kelengkapan]")).isEmpty());
        new Select(browser.find(By.id("jenis"))).selectByValue("EMPLOYEE");
        browser.find(By.id("nama")).sendKeys("Pegawai Demo");
        browser.find(By.id("pengguna")).sendKeys("pegawai");
        browser.find(By.cssSelector("input[name=diserahkan]")).click();
        browser.find(By.cssSelector("form.stacked button.primary")).click();
        String registration = browser.find(By.cssSelector("main.receipt dd.big")).getText();
        browser.signOut();
        return registration;
    }

    private List<String> labelsOf(String rowId) {
        return browser.waitFor(d -> d.findElement(By.id(rowId)).findElements(By.tagName("td")).stream()
                .map(td -> td.getAttribute("data-label")).toList());
    }

    /** Signs in as {@code user}, finds the case's task in the Kotak Tugas, claims it if asked, then acts. */
    private void work(String user, String registration, String claim, String verb, String note) {
        browser.signIn(user, "demo");
        browser.open("/tugas");
        WebElement row = rowOf(registration);
        String id = row.getAttribute("id");
        if (claim != null) {
            row.findElement(By.cssSelector("button[hx-post$='/" + claim + "']")).click();
            browser.waitFor(d -> d.findElement(By.id(id)).findElements(By.cssSelector("button[hx-post$='/" + verb + "']"))
                    .size() == 1);
        }
        WebElement current = browser.find(By.id(id));
        if (note != null) {
            current.findElement(By.tagName("textarea")).sendKeys(note);
        }
        current.findElement(By.cssSelector("button[hx-post$='/" + verb + "']")).click();
        browser.waitFor(d -> {
            List<WebElement> now = d.findElements(By.id(id));
            return now.isEmpty() || now.get(0).findElements(By.cssSelector("button[hx-post$='/" + verb + "']")).isEmpty();
        });
        assertThat(browser.driver().findElements(By.cssSelector("#" + id + " .alert"))).as(user + " " + verb).isEmpty();
        browser.signOut();
    }

    private WebElement rowOf(String registration) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("tr[id^=tugas-]")).stream()
                .filter(r -> r.getText().contains(registration)).findFirst().orElse(null));
    }
}
