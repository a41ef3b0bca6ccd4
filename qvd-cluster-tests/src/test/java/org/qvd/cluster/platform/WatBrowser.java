package org.qvd.cluster.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.testsupport.RequiredResource;
import org.qvd.testsupport.browser.Chromium;

/**
 * An administrator in a real browser (Debian's headless Chromium, as the system tier's WAT tests) on the WAT through
 * the balancer: what the admin sees when the node holding the WAT session dies is a page reacting to a click, not an
 * HTTP status. Chromium does not know the installation CA (its certificate store is NSS's): the TLS identity of the
 * balancer is checked by {@link Admin} and {@link Wat}, which trust that CA only.
 */
public final class WatBrowser extends Chromium {

    private final String base;

    public WatBrowser(int httpsPort) throws IOException {
        super(1400, 1000, installed(Duration.ofSeconds(30)), Duration.ofSeconds(90));
        base = "https://localhost:" + httpsPort + "/wat";
    }

    /** Skips (or fails where required) without Debian's chromium and chromium-driver, before starting anything. */
    private static Duration installed(Duration patience) {
        RequiredResource.executable(Path.of("/usr/bin/chromium"), "chromium");
        RequiredResource.executable(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        return patience;
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
            String shot = shot("wat-" + System.currentTimeMillis());
            throw new AssertionError(
                    "no " + what + " within " + timeout.toSeconds() + " s on " + driver.getCurrentUrl()
                            + " (screenshot " + shot + "): " + abbreviated(driver.getPageSource()),
                    e);
        }
    }

    private static String abbreviated(String page) {
        return page == null || page.length() < 2000 ? page : page.substring(0, 2000) + "…";
    }

    private String shot(String name) {
        try {
            screenshot(name);
            return SCREENSHOTS.resolve(name + ".png").toString();
        } catch (IOException | RuntimeException e) {
            return "none: " + e.getMessage();
        }
    }
}
