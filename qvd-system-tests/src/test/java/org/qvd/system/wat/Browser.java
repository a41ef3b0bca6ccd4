package org.qvd.system.wat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium (its own profile) pointed at the WAT, with the few moves the tests
 * need: log in, open a screen, click, wait for PrimeFaces' AJAX to settle, take a screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("qvd.screenshots", "target/screenshots"));

    final WebDriver driver;
    final String base;
    private final Path profile;

    Browser(int httpsPort) throws IOException {
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
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        base = "https://localhost:" + httpsPort + "/wat";
    }

    void open(String page) {
        driver.get(base + page);
        settle();
    }

    void login(String login, String password) {
        open("/");
        type(By.id("j_username"), login);
        type(By.id("j_password"), password);
        WebElement submit = driver.findElement(By.id("login-submit"));
        submit.click();
        // the next page replaces the form: before that the session may not exist yet, and a page opened
        // meanwhile would land on the login form again
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(submit));
        settle();
    }

    /** Whether the element's page was replaced (Chrome says "stale" or "does not belong to the document"). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            String shot = "failed-wait-" + System.currentTimeMillis();
            try {
                screenshot(shot);
            } catch (IOException | RuntimeException ignored) {
                // the timeout is what matters
            }
            throw new org.openqa.selenium.TimeoutException(
                    "no " + by + " on " + driver.getCurrentUrl() + " (screenshot " + shot + ".png)", e);
        }
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(by))
                .click();
        settle();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    /** Waits until the page has loaded and no PrimeFaces AJAX request is running. */
    void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(
                        d -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax"
                                                        + " || PrimeFaces.ajax.Queue.isEmpty()) && (!window.jQuery || jQuery.active === 0);")));
    }

    /** The growl's current text (all messages), waiting until one shows. */
    String growl() {
        waitFor(By.cssSelector(".ui-growl-message"));
        return String.join(
                " | ",
                all(By.cssSelector(".ui-growl-message")).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** Removes the growl's messages so the next action's message is the only one. */
    void clearGrowl() {
        ((JavascriptExecutor) driver)
                .executeScript("if (window.jQuery) { jQuery('.ui-growl-item-container').remove(); }");
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile under target/ is harmless
        }
    }
}
