package org.qvd.cluster.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.testsupport.RequiredResource;

/**
 * An administrator in a real browser (Debian's headless Chromium, as the system tier's WAT tests) on the WAT through
 * the balancer: what the admin sees when the node holding the WAT session dies is a page reacting to a click, not an
 * HTTP status. Chromium does not know the installation CA (its certificate store is NSS's): the TLS identity of the
 * balancer is checked by {@link Admin} and {@link Wat}, which trust that CA only.
 */
public final class WatBrowser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("qvd.screenshots", "target/screenshots"));

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public WatBrowser(int httpsPort) throws IOException {
        RequiredResource.executable(Path.of("/usr/bin/chromium"), "chromium");
        RequiredResource.executable(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("chromium-cluster-");
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
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
        base = "https://localhost:" + httpsPort + "/wat";
    }

    /** Logs the superadmin in through the login form and opens the VM list (a page whose buttons are Ajax). */
    public void logInAndOpenVms() {
        driver.get(base + "/vms.xhtml");
        until(Duration.ofSeconds(90), "the login form", () -> present("j_password"));
        driver.findElement(By.id("j_username")).sendKeys("superadmin@*");
        driver.findElement(By.id("j_password")).sendKeys(RunningCluster.SUPERADMIN_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        until(Duration.ofSeconds(90), "the VM list after the login", () -> widgetExists("vmTable"));
    }

    /**
     * Clicks "New" on the VM list (a PrimeFaces Ajax request) and returns what the admin then sees: {@code "kept"}
     * (the new-VM dialog opened: the session lives) or {@code "login"} (the login form: the session's node died; then
     * logging in again must lead back to the VM list). Anything else within {@code timeout} — an error page, or a
     * click that does nothing — fails, with a screenshot. Leaves the browser on the VM list, no dialog open.
     */
    public String clickAfterFailover(Duration timeout) {
        driver.findElement(By.id("vmForm:newVm")).click();
        String[] seen = new String[1];
        until(timeout, "the new-VM dialog or the login form after a click", () -> {
            if (present("j_password")) {
                seen[0] = "login";
            } else if (Boolean.TRUE.equals(script("return !!(window.PF && PF('vmDlg') && PF('vmDlg').isVisible());"))) {
                seen[0] = "kept";
            }
            return seen[0] != null;
        });
        if (seen[0].equals("kept")) {
            script("PF('vmDlg').hide();");
        } else {
            driver.findElement(By.id("j_username")).sendKeys("superadmin@*");
            driver.findElement(By.id("j_password")).sendKeys(RunningCluster.SUPERADMIN_PASSWORD);
            driver.findElement(By.id("login-submit")).click();
            until(
                    Duration.ofSeconds(90),
                    "the WAT after logging in again",
                    () -> !present("j_password")
                            && !driver.findElements(By.cssSelector("[id$='mVms']"))
                                    .isEmpty());
            driver.get(base + "/vms.xhtml");
            until(Duration.ofSeconds(90), "the VM list", () -> widgetExists("vmTable"));
        }
        return seen[0];
    }

    private boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty()
                && driver.findElement(By.id(id)).isDisplayed();
    }

    private boolean widgetExists(String widget) {
        return Boolean.TRUE.equals(script("return !!(window.PF && PF('" + widget + "'));"));
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private void until(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, timeout)
                    .ignoring(WebDriverException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            String shot = screenshot("wat-" + System.currentTimeMillis());
            throw new AssertionError(
                    "no " + what + " within " + timeout.toSeconds() + " s on " + driver.getCurrentUrl()
                            + " (screenshot " + shot + "): " + abbreviated(driver.getPageSource()),
                    e);
        }
    }

    private static String abbreviated(String page) {
        return page == null || page.length() < 2000 ? page : page.substring(0, 2000) + "…";
    }

    private String screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to.toString();
        } catch (IOException | RuntimeException e) {
            return "none: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
