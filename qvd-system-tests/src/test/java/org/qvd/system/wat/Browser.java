package org.qvd.system.wat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.testsupport.browser.Chromium;

/**
 * The shared headless Chromium pointed at the WAT, with the few moves the tests need: log in, open a screen, click,
 * wait for PrimeFaces' AJAX to settle.
 */
final class Browser extends Chromium {

    final String base;

    Browser(int httpsPort) throws IOException {
        super(Duration.ofSeconds(30));
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
}
