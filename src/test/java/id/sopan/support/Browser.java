package id.sopan.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.function.Function;

/**
 * Headless Debian Chromium for browser tests, one per test. When a test fails it leaves a screenshot and the
 * page source under {@code target/browser/}. Without Chromium the tests are skipped with a message, except
 * under {@code CI=true}, where that is a failure ({@code .ci/run} installs it).
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private WebDriver driver;
    private String base;

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!available()) {
            String message = "Chromium or ChromeDriver not found at " + CHROMIUM + " / " + DRIVER
                    + " — skipping browser test (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message.replace("skipping", "cannot run"));
            }
            Assumptions.assumeTrue(false, message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags this machine's closed network needs (no background calls home), and a fresh profile.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=id", "--window-size=1366,768");
        // The console, to catch what the Content-Security-Policy refused (see afterEach).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        List<String> refused = new ArrayList<>();
        try {
            // A script, style or request the page's Content-Security-Policy refused is a broken page, even where the
            // test's own steps still pass: the console says so.
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getMessage().contains("Content Security Policy")) {
                    refused.add(entry.getMessage());
                }
            }
            if (context.getExecutionException().isPresent()) {
                Path dir = Path.of("target", "browser");
                Files.createDirectories(dir);
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            }
        } finally {
            driver.quit();
            driver = null;
        }
        if (!refused.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError("the Content-Security-Policy refused: " + refused);
        }
    }

    /** Where the application under test listens, e.g. {@code http://localhost:8123}. */
    public Browser at(String baseUrl) {
        this.base = baseUrl;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement find(By by) {
        return waitFor(d -> d.findElement(by));
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        // htmx swaps rows while the test reads them: a stale element just means "look again".
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * Signs in through the form, as a person would, and waits for the answer page: a click does not always wait for
     * the navigation it starts, and a page opened before the session cookie arrives would be the login page again.
     */
    public void signIn(String username, String password) {
        open("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        WebElement submit = find(By.cssSelector("form button[type=submit], form input[type=submit]"));
        submit.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(submit));
    }

    /** Signs out with the page's own button (a POST with the CSRF token). */
    public void signOut() {
        find(By.cssSelector("header form[action$='/logout'] button")).click();
        waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
    }
}
