package org.qvd.system.wat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** How the tests operate PrimeFaces widgets (select menus, auto-completes, column filters, row buttons). */
final class Forms {

    private Forms() {}

    /** Picks the option by its label through the widget's API (PrimeFaces renders the items lazily). */
    static void selectOne(Browser b, String id, String label) {
        b.waitFor(By.id(id));
        Object found = ((JavascriptExecutor) b.driver)
                .executeScript(
                        "var sel = document.getElementById(arguments[0] + '_input');"
                                + "var o = null; for (var i = 0; i < sel.options.length; i++) {"
                                + "  if (sel.options[i].text === arguments[1]) { o = sel.options[i]; } }"
                                + "if (!o) { return false; }"
                                + "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(o.value);"
                                + "if (w.hasBehavior && w.hasBehavior('change')) { w.callBehavior('change'); }"
                                + "return true;",
                        id,
                        label);
        if (!Boolean.TRUE.equals(found)) {
            throw new AssertionError("no option '" + label + "' in " + id);
        }
        b.settle();
    }

    static void autoComplete(Browser b, String id, String text) {
        WebElement input = b.waitFor(By.id(id + "_input"));
        input.sendKeys(text);
        By item = By.xpath("//*[@id='" + id + "_panel']//li[contains(., '" + text + "')]");
        new WebDriverWait(b.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(item))
                .click();
        b.settle();
    }

    /** Types into a column filter and waits for the table to reload. */
    static void filter(Browser b, String filterId, String text) throws InterruptedException {
        WebElement input = b.waitFor(By.id(filterId));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        Thread.sleep(800); // the table's filterDelay
        b.settle();
    }

    /** The table row that mentions the text. */
    static WebElement row(Browser b, String tableId, String text) {
        return b.waitFor(By.xpath("//tbody[@id='" + tableId + "_data']/tr[contains(., '" + text + "')]"));
    }

    static void rowAction(Browser b, String tableId, String text, String button) {
        WebElement row = row(b, tableId, text);
        row.findElement(By.xpath(
                        ".//button[substring(@id, string-length(@id) - " + button.length() + ") = ':" + button + "']"))
                .click();
        b.settle();
    }
}
