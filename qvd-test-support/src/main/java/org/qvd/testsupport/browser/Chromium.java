package org.qvd.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile that is deleted on close: an
 * administrator's browser for the system tier's WAT tests and the identity tier's login tests. It accepts the test
 * server's self-signed certificate, never reaches out to the network on its own (no updates, no sync, Selenium
 * offline) and speaks English. Screenshots go to {@code qvd.screenshots} (default {@code target/screenshots}). The
 * module using it declares {@code selenium-java} itself (optional here, so the other test modules do not carry it).
 */
public class Chromium implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of(System.getProperty("qvd.screenshots", "target/screenshots"));

    public final WebDriver driver;
    private final Path profile;
    private final Duration patience;

    /** A 1400×1000 window that waits up to a minute for an element. */
    public Chromium() throws IOException {
        this(Duration.ofSeconds(60));
    }

    /** A 1400×1000 window that waits up to {@code patience} for an element. */
    public Chromium(Duration patience) throws IOException {
        this(1400, 1000, patience, Duration.ofSeconds(60));
    }

    /** A window of {@code width}×{@code height} that waits up to {@code patience} for an element. */
    public Chromium(int width, int height, Duration patience, Duration pageLoad) throws IOException {
        this.patience = patience;
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--ignore-certificate-errors",
                "--lang=en-US",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        driver.manage().timeouts().pageLoadTimeout(pageLoad);
    }

    /** The element once visible; if it does not show in time, a screenshot is taken and named in the failure. */
    public WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, patience).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            String shot = "failed-wait-" + System.currentTimeMillis();
            try {
                screenshot(shot);
            } catch (IOException | RuntimeException ignored) {
                // the timeout is what matters
            }
            throw new TimeoutException(
                    "no " + by + " on " + driver.getCurrentUrl() + " (screenshot " + shot + ".png), which shows: "
                            + shownText(),
                    e);
        }
    }

    /** The page's visible text, shortened: what the user would read instead of what was expected. */
    private String shownText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            return text.length() > 400 ? text.substring(0, 400) + "..." : text;
        } catch (RuntimeException e) {
            return "(no page text: " + e.getMessage() + ")";
        }
    }

    /** Replaces the text of a visible field. */
    public void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    /** What the browser shows now, as {@code <name>.png} under {@link #SCREENSHOTS}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in the temp directory is harmless
        }
    }
}
