package org.qvd.guest.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.guest.desktop.NxChecks.awaitDesktop;
import static org.qvd.guest.desktop.NxChecks.awaitXState;
import static org.qvd.guest.desktop.NxChecks.line;
import static org.qvd.guest.desktop.NxChecks.typeIntoTheTerminal;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.guest.platform.Admin;
import org.qvd.guest.platform.ClientProcess;
import org.qvd.guest.platform.ContainerDesktop;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Libvirt;
import org.qvd.guest.platform.XDisplay;
import org.qvd.testsupport.browser.DesktopPageClient;
import org.qvd.testsupport.net.TestNetworkLink;

/**
 * The desktop in a web browser (issue 18, docs/browser.md), on ONE container desktop (it boots in seconds). A real
 * headless Chromium, whose network to the server is a {@link TestNetworkLink}, opens {@code /desktop/}, logs in as the
 * demo user with a German keyboard, starts the stopped container from the list and sees its desktop (pixels in a
 * screenshot of the page); then, each observed from the VM side: typed text with German characters, the clipboard
 * both ways, an administrator's View and Assist (the notice on the user's screen exactly while they watch, both
 * audited), the connection cut and reconnected by the page itself, the window resized and the desktop with it, the
 * tab closed and the desktop opened again in a new one (the same session, no new login); a real {@code qvd-client} takes the session over (the page says so) and resumes it, then the browser resumes it
 * again; tickets that cannot be replayed or borrowed. The login throttle is the system tier's
 * ({@code DesktopLoginThrottleIT}); first frames and bytes per second are {@code bench/browser}'s. Prints
 * {@code FIGURE} lines.
 */
@ExtendWith(GuestSystem.class)
class BrowserDesktopGuestIT {
    private static final Path SHOTS =
            Path.of(System.getProperty("qvd.guest.artifacts", "target/guest-artifacts"), "browser");
    private static final Duration START = Duration.ofMinutes(4);
    /** The notice's colour on the user's screen (qvd-vma WatchNotice). */
    private static final int[] NOTICE = {0xff, 0xd0, 0x00};

    @Test
    void theUserWorksInTheBrowserDesktopAnAdministratorViewsAndAssistsAndAnNxClientTakesOver(GuestSystem.Running r)
            throws Exception {
        long vm = ContainerDesktop.demo(r).vm();
        Admin admin = r.admin();
        awaitHostOffersContainers(admin);
        int https = r.system().httpsPort();
        String login = r.demo().user() + "@default";
        String hostAddress = Libvirt.hostAddressOnVmNetwork();
        long tenant = admin.get("/tenants?name=default")
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        admin.post("/users", Map.of("tenantId", tenant, "login", "browserpeer", "password", "Peer-Password-123"));
        long testBegin = System.nanoTime();
        try (Chromium chromium = new Chromium(1280, 860);
                TestNetworkLink link = new TestNetworkLink(0, https);
                ServerSocket typed = new ServerSocket(0, 5, InetAddress.getByName(hostAddress))) {
            typed.setSoTimeout(60_000);
            String sendBack = " > /dev/tcp/" + hostAddress + "/" + typed.getLocalPort();
            WebDriver driver = chromium.driver;
            JavascriptExecutor js = (JavascriptExecutor) driver;
            driver.get("https://localhost:" + link.port() + "/desktop/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            driver.findElement(By.id("login")).sendKeys(login);
            driver.findElement(By.id("password")).sendKeys(r.demo().password());
            driver.findElement(By.id("login-submit")).click();
            WebElement entry = wait.until(d -> d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']")));
            assertThat(entry.getText()).contains("stopped");
            new Select(driver.findElement(By.id("layout"))).selectByValue("de");

            long begin = System.nanoTime();
            entry.click();
            awaitDesktopState(driver, "connected", START);
            long connectedMs = ms(begin);
            awaitDrawn(driver, js);
            System.out.printf(
                    "FIGURE browser: click on the stopped container -> VNC connected %d ms, -> desktop drawn %d ms%n",
                    connectedMs, ms(begin));
            BufferedImage shot = ImageIO.read(
                    chromium.screenshot(SHOTS.resolve("1-desktop.png")).toFile());
            assertThat(whiteShare(shot))
                    .as("the xterm of the desktop, white in the page's screenshot")
                    .isGreaterThan(0.05);
            assertThat(driver.findElement(By.id("progress")).getAttribute("textContent"))
                    .as("the progress the NX client would have had")
                    .contains("Starting virtual machine");

            // keys typed in the page reach the session with the user's layout: German characters arrive as typed
            typeOnDesktop(driver, js, "echo $(setxkbmap -query)" + sendBack);
            assertThat(line(typed)).as("the session's keyboard layout").contains("layout: de");
            typeOnDesktop(driver, js, "MARK=br$((6*7)); echo typed-$MARK äöüß" + sendBack);
            assertThat(line(typed)).isEqualTo("typed-br42 äöüß");
            chromium.screenshot(SHOTS.resolve("2-typed.png"));

            clipboardBothWays(driver, js, typed, sendBack);
            adminViewsThenAssists(r, vm, driver, js, typed, sendBack);
            reconnectsAfterTheNetworkIsCut(driver, js, link, typed, sendBack);
            followsTheWindowsSize(chromium, js, typed, sendBack);
            closesTheTabAndOpensTheDesktopAgain(driver, js, vm, typed, sendBack);

            // the ticket the page used is spent: replayed with the same user's session, it is refused
            JsonNode current = json(js.executeScript("return JSON.stringify(window.qvdDesktop.current())"));
            DesktopPageClient user =
                    new DesktopPageClient(https).login(login, r.demo().password());
            assertThat(user.relayOutcome(new DesktopPageClient.Ready(
                            current.path("id").asText(), current.path("ticket").asText())))
                    .as("a reused ticket")
                    .startsWith("closed 1008");
            assertThat(user.relayOutcome(
                            new DesktopPageClient.Ready(current.path("id").asText(), "forged" + "A".repeat(40))))
                    .as("a forged ticket")
                    .startsWith("closed 1008");

            anNxClientTakesOverAndTheBrowserResumesAfterIt(r, vm, chromium, js, typed, sendBack);

            // a fresh ticket of the user: another user's session or none cannot use it
            DesktopPageClient.Ready fresh = user.connect(vm, "geometry=1024x768", Duration.ofMinutes(2));
            DesktopPageClient peer = new DesktopPageClient(https).login("browserpeer@default", "Peer-Password-123");
            assertThat(peer.relayOutcome(fresh)).as("another user's ticket").startsWith("closed 1008");
            assertThat(new DesktopPageClient(https).relayOutcome(fresh))
                    .as("no session at all")
                    .startsWith("closed 1008");
            assertThat(peer.post("api/vms/" + vm + "/connect", null).statusCode())
                    .as("another user's VM: as if it did not exist")
                    .isEqualTo(404);
        } finally {
            System.out.printf("FIGURE browser: the test's browser part took %d s%n", ms(testBegin) / 1000);
            String state = admin.vm(vm).path("state").asText();
            if (state.equals("starting") || state.equals("running")) {
                admin.post("/vms/" + vm + "/stop");
            }
        }
    }

    /** The status bar's clipboard field becomes the desktop's selection, and text selected there comes back. */
    private static void clipboardBothWays(WebDriver driver, JavascriptExecutor js, ServerSocket typed, String sendBack)
            throws Exception {
        String pasted = "pasted-from-the-browser-42";
        driver.findElement(By.id("clipboard")).sendKeys(pasted);
        assertThat(pastedLine(driver, js, typed, sendBack, pasted.length()))
                .as("the browser's clipboard pasted on the desktop")
                .isEqualTo(pasted);

        new Actions(driver)
                .sendKeys("clear; yes $(printf 'clipback%d' 42 42 42 42 42 42 42 42 42 42) | head -60")
                .sendKeys(Keys.ENTER)
                .perform();
        Thread.sleep(1500);
        WebElement canvas = driver.findElement(By.cssSelector("#screen canvas"));
        double scale = scale(js, canvas);
        for (int i = 0; i < 4; i++) { // xterm takes two clicks within 250 ms as a double click: under load, again
            new Actions(driver)
                    .moveToElement(
                            canvas,
                            offset(300, scale, canvas.getSize().getWidth()),
                            offset(200, scale, canvas.getSize().getHeight()))
                    .doubleClick()
                    .perform(); // xterm selects the word under the pointer: it becomes the X selection
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(d -> d.findElement(By.id("clipboard"))
                                .getAttribute("value")
                                .matches("(clipback42){10}"));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // not selected as a word: once more
            }
        }
        throw new AssertionError("the desktop's selection did not reach the page's clipboard field: "
                + driver.findElement(By.id("clipboard")).getAttribute("value"));
    }

    /**
     * Pastes the desktop's selection into a command that sends it back. xterm pastes when the selection's owner has
     * answered, which here is a round trip through the NX link to the in-VM viewer's display: keys typed after
     * Shift+Insert overtook the paste in session 10 (the pasted text landed inside the typed redirection). So the
     * command is typed first and reads exactly the pasted number of characters, with no key after the paste. Tried
     * twice, with a screenshot of each miss (once in session 9 the paste never came back at all).
     */
    private static String pastedLine(
            WebDriver driver, JavascriptExecutor js, ServerSocket typed, String sendBack, int length) throws Exception {
        int timeout = typed.getSoTimeout();
        typed.setSoTimeout(25_000);
        try {
            for (int attempt = 1; ; attempt++) {
                clickAtDesktop(driver, js, 300, 200);
                new Actions(driver)
                        .keyDown(Keys.CONTROL)
                        .sendKeys("u")
                        .keyUp(Keys.CONTROL)
                        .sendKeys("read -r -t 20 -N " + length + " P && echo $P" + sendBack)
                        .sendKeys(Keys.ENTER)
                        .perform();
                new Actions(driver)
                        .keyDown(Keys.SHIFT)
                        .sendKeys(Keys.INSERT)
                        .keyUp(Keys.SHIFT)
                        .perform(); // xterm: paste
                try {
                    return line(typed);
                } catch (java.net.SocketTimeoutException lost) {
                    screenshot(driver, "3-paste-lost-" + attempt + ".png");
                    if (attempt == 2) {
                        throw lost;
                    }
                }
            }
        } finally {
            typed.setSoTimeout(timeout);
        }
    }

    /**
     * An administrator watches the user's session from the WAT (View: the admin's keys do not reach it), then assists
     * (they do, once the user accepted); the user's own screen shows the notice exactly while they are there and the
     * consent popup before the assist; both are in the audit with how long they lasted.
     */
    private static void adminViewsThenAssists(
            GuestSystem.Running r,
            long vm,
            WebDriver user,
            JavascriptExecutor userJs,
            ServerSocket typed,
            String sendBack)
            throws Exception {
        int https = r.system().httpsPort();
        assertThat(noticeShare(userJs)).as("no notice before anybody watches").isLessThan(0.0005);
        try (Chromium admin = new Chromium(1280, 900)) {
            WebDriver driver = admin.driver;
            JavascriptExecutor js = (JavascriptExecutor) driver;
            driver.get("https://localhost:" + https + "/wat/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.id("j_username"))).sendKeys("superadmin@*");
            driver.findElement(By.id("j_password")).sendKeys(GuestSystem.SUPERADMIN_PASSWORD);
            driver.findElement(By.id("login-submit")).click();
            wait.until(d -> d.findElements(By.id("j_username")).isEmpty());
            driver.get("https://localhost:" + https + "/wat/vm.xhtml?id=" + vm);
            wait.until(d -> d.findElement(By.id("detailForm:dView")));
            assertThat(driver.findElements(By.id("detailForm:dAssist")))
                    .as("Assist offered to the superadmin")
                    .hasSize(1);

            driver.get("https://localhost:" + https + "/wat/vm-watch.xhtml?id=" + vm + "&mode=view");
            awaitWatching(driver, js);
            admin.screenshot(SHOTS.resolve("4-admin-view.png"));
            new WebDriverWait(user, Duration.ofSeconds(20)).until(d -> noticeShare(userJs) > 0.003);
            screenshot(user, "4-user-sees-the-notice.png");
            typed.setSoTimeout(8_000);
            // as a hostile page could: noVNC sends the keys, the VNC server in the VM must drop them
            js.executeScript("window.qvdWatch.rfb.viewOnly = false;");
            clickAt(driver, js, "#watch-screen canvas", 300, 200);
            new Actions(driver)
                    .sendKeys("echo spied-$((6*7))" + sendBack)
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThatThrownBy(() -> line(typed))
                    .as("input of a viewing admin reached the session")
                    .isInstanceOf(java.net.SocketTimeoutException.class);

            driver.get("https://localhost:" + https + "/wat/vm.xhtml?id=" + vm); // the view ends: so does the notice
            new WebDriverWait(user, Duration.ofSeconds(30)).until(d -> noticeShare(userJs) < 0.0005);
            driver.get("https://localhost:" + https + "/wat/vm-watch.xhtml?id=" + vm + "&mode=assist");
            awaitWatching(driver, js);
            new WebDriverWait(user, Duration.ofSeconds(20)).until(d -> noticeShare(userJs) > 0.003);
            screenshot(user, "6-user-assisted-with-notice.png");
            typed.setSoTimeout(60_000);
            clickAt(driver, js, "#watch-screen canvas", 300, 200);
            new Actions(driver)
                    .sendKeys("echo assisted-$((6*7))" + sendBack)
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThat(line(typed)).isEqualTo("assisted-42");
            admin.screenshot(SHOTS.resolve("5-admin-assist.png"));
            driver.get("https://localhost:" + https + "/wat/vm.xhtml?id=" + vm); // leaves the view: its end is audited
        }
        new WebDriverWait(user, Duration.ofSeconds(20)).until(d -> noticeShare(userJs) < 0.0005);
        String audit = "";
        for (int i = 0; i < 60 && !audit.contains("vm.assist.end"); i++) {
            Thread.sleep(500);
            audit = r.admin()
                    .get("/audit?objectType=vm&objectId=" + vm + "&size=50")
                    .toString();
        }
        assertThat(audit)
                .contains(
                        "\"vm.spy\"", "\"vm.spy.end\"", "\"vm.assist\"", "\"vm.assist.end\"", "seconds", "superadmin");
    }

    /** The link is cut for 3 s: the page reconnects by itself to the same session. */
    private static void reconnectsAfterTheNetworkIsCut(
            WebDriver driver, JavascriptExecutor js, TestNetworkLink link, ServerSocket typed, String sendBack)
            throws Exception {
        long cut = System.nanoTime();
        link.cut(Duration.ofSeconds(3));
        awaitDesktopState(driver, "reconnecting", Duration.ofSeconds(20));
        awaitDesktopState(driver, "connected", Duration.ofSeconds(90));
        awaitDrawn(driver, js);
        System.out.printf(
                "FIGURE browser: network cut for 3 s -> reconnected by the page and drawn %d ms after the cut%n",
                ms(cut));
        typeOnDesktop(driver, js, "echo back-$MARK" + sendBack);
        assertThat(line(typed)).as("the same session after the reconnect").isEqualTo("back-br42");
    }

    /** The window shrinks: the page reconnects at the new size and the desktop has it. */
    private static void followsTheWindowsSize(
            Chromium chromium, JavascriptExecutor js, ServerSocket typed, String sendBack) throws Exception {
        WebDriver driver = chromium.driver;
        String before = driver.findElement(By.tagName("body")).getAttribute("data-geometry");
        long resized = System.nanoTime();
        driver.manage().window().setSize(new Dimension(1100, 760));
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .until(d -> !before.equals(d.findElement(By.tagName("body")).getAttribute("data-geometry"))
                        && "connected".equals(d.findElement(By.tagName("body")).getAttribute("data-desktop")));
        awaitDrawn(driver, js);
        String after = driver.findElement(By.tagName("body")).getAttribute("data-geometry");
        long[] size = canvasSize(js, "#screen canvas");
        System.out.printf(
                "FIGURE browser: window %s -> 1100x760: desktop %dx%d drawn %d ms after the resize%n",
                before, size[0], size[1], ms(resized));
        assertThat(size[0] + "x" + size[1])
                .as("the desktop's size is the window's")
                .isEqualTo(after);
        assertThat(size[0]).isEqualTo((long) ((Number) js.executeScript("return window.innerWidth")).intValue());
        chromium.screenshot(SHOTS.resolve("7-resized.png"));
        typeOnDesktop(driver, js, "echo resized-$MARK" + sendBack);
        assertThat(line(typed)).isEqualTo("resized-br42");
    }

    /**
     * A real qvd-client takes the session over from the browser (the page says so) and finds the same shell; once it
     * has left (the session suspended), the browser resumes the same session again.
     */
    private static void anNxClientTakesOverAndTheBrowserResumesAfterIt(
            GuestSystem.Running r,
            long vm,
            Chromium chromium,
            JavascriptExecutor js,
            ServerSocket typed,
            String sendBack)
            throws Exception {
        WebDriver driver = chromium.driver;
        String login = r.demo().user() + "@default";
        Path work = SHOTS.resolve("clients");
        Files.createDirectories(work);
        Files.deleteIfExists(work.resolve("known_servers"));
        String ip = r.admin().vm(vm).path("ip").asText();
        try (XDisplay display = XDisplay.start(70, SHOTS.resolve("xvfb-nx.log"));
                ClientProcess client = ClientProcess.connect(
                        display, r.system().l7rPort(), login, r.demo().password(), vm, work, "nx-1")) {
            awaitDesktopState(driver, "disconnected", Duration.ofSeconds(90));
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.id("connect-error")).getText().contains("taken over"));
            chromium.screenshot(SHOTS.resolve("8-taken-over-by-nx.png"));
            awaitDesktop(display, client, "browser-nx-took-over.png", Duration.ofMinutes(2));
            typeIntoTheTerminal(display, "echo nx-$MARK" + sendBack);
            assertThat(line(typed))
                    .as("the NX client resumed the browser's session")
                    .isEqualTo("nx-br42");
        }
        awaitXState(vm, ip, "suspended");

        driver.findElement(By.id("back")).click();
        clickVmInTheList(driver, vm);
        awaitDesktopState(driver, "connected", Duration.ofMinutes(2));
        awaitDrawn(driver, js);
        typeOnDesktop(driver, js, "echo again-$MARK" + sendBack);
        assertThat(line(typed))
                .as("the browser resumed the session after the NX client")
                .isEqualTo("again-br42");
    }

    /** The user closes the tab and opens the desktop again in a new one: the same session, with no new login. */
    private static void closesTheTabAndOpensTheDesktopAgain(
            WebDriver driver, JavascriptExecutor js, long vm, ServerSocket typed, String sendBack) throws Exception {
        String url = driver.getCurrentUrl();
        String closing = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String opened = driver.getWindowHandle();
        driver.switchTo().window(closing).close();
        driver.switchTo().window(opened);
        long closed = System.nanoTime();
        driver.get(url);
        clickVmInTheList(driver, vm);
        awaitDesktopState(driver, "connected", Duration.ofMinutes(2));
        awaitDrawn(driver, js);
        System.out.printf(
                "FIGURE browser: tab closed, desktop opened in a new tab: drawn %d ms after the close%n", ms(closed));
        typeOnDesktop(driver, js, "echo tab-$MARK" + sendBack);
        assertThat(line(typed)).as("the same session in the new tab").isEqualTo("tab-br42");
    }

    /**
     * Clicks the VM in the page's list. Listing again replaces the list, and the previous one stays hidden with its
     * view until the answer comes: a button found before that is gone or not clickable, so the new one is clicked.
     */
    private static void clickVmInTheList(WebDriver driver, long vm) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .until(d -> {
                    d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']"))
                            .click();
                    return true;
                });
    }

    // --- page helpers ---------------------------------------------------------------------------------------------

    static void typeOnDesktop(WebDriver driver, JavascriptExecutor js, String command) {
        clickAtDesktop(driver, js, 300, 200);
        new Actions(driver).sendKeys(command).sendKeys(Keys.ENTER).perform();
    }

    static void awaitDesktopState(WebDriver driver, String state, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout)
                    .until(d -> state.equals(d.findElement(By.tagName("body")).getAttribute("data-desktop")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page is not '" + state + "' within " + timeout + ": " + pageState(driver), e);
        }
    }

    /** What the page shows, for a failure's message (and a screenshot). */
    private static String pageState(WebDriver driver) {
        try {
            screenshot(driver, "failure.png");
        } catch (Exception e) {
            // the message is what counts
        }
        Object state = ((JavascriptExecutor) driver)
                .executeScript("const t = (id) => (document.getElementById(id) || {}).textContent;"
                        + "return JSON.stringify({desktop: document.body.dataset.desktop, status: t('desktop-status'),"
                        + " error: t('connect-error'), progress: t('progress'),"
                        + " visible: ['login-view','vms-view','progress-view','desktop-view']"
                        + ".filter((v) => !document.getElementById(v).hidden)});");
        return String.valueOf(state);
    }

    static void awaitDrawn(WebDriver driver, JavascriptExecutor js) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> whiteShareOfCanvas(js, "#screen canvas") > 0.05);
        } catch (org.openqa.selenium.TimeoutException e) {
            // seen in about one run of four in session 8 (connected, no xterm): what the page shows, for the cause
            try {
                screenshot(driver, "desktop-not-drawn-" + System.currentTimeMillis() + ".png");
            } catch (Exception unsaved) {
                e.addSuppressed(unsaved); // the assertion below still says what the page shows
            }
            throw new AssertionError(
                    "the desktop's terminal is not drawn in the page within 60 s: " + pageState(driver) + ", canvas "
                            + js.executeScript("const c = document.querySelector('#screen canvas');"
                                    + "return c ? c.width + 'x' + c.height : 'none';")
                            + ", white share " + whiteShareOfCanvas(js, "#screen canvas"),
                    e);
        }
    }

    private static void awaitWatching(WebDriver driver, JavascriptExecutor js) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> "connected".equals(d.findElement(By.tagName("body")).getAttribute("data-watch")));
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> whiteShareOfCanvas(js, "#watch-screen canvas") > 0.05);
    }

    /** The local agent has joined and offers containers (it may still be connecting when the system is up). */
    private static void awaitHostOffersContainers(Admin admin) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            JsonNode host = admin.host(GuestSystem.HOST);
            if (host.path("state").asText().equals("running")
                    && host.path("kinds").toString().contains("container")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the host agent offers no containers: " + admin.host(GuestSystem.HOST));
    }

    static void clickAtDesktop(WebDriver driver, JavascriptExecutor js, int x, int y) {
        clickAt(driver, js, "#screen canvas", x, y);
    }

    /** Clicks where the desktop's point (x, y) is shown: the canvas may be scaled to the page. */
    private static void clickAt(WebDriver driver, JavascriptExecutor js, String selector, int x, int y) {
        WebElement canvas = driver.findElement(By.cssSelector(selector));
        double scale = scale(js, canvas);
        new Actions(driver)
                .moveToElement(
                        canvas,
                        offset(x, scale, canvas.getSize().getWidth()),
                        offset(y, scale, canvas.getSize().getHeight()))
                .click()
                .perform();
    }

    private static double scale(JavascriptExecutor js, WebElement canvas) {
        return ((Number) js.executeScript("return arguments[0].clientWidth / arguments[0].width;", canvas))
                .doubleValue();
    }

    private static int offset(int desktop, double scale, int shown) {
        return (int) Math.round(desktop * scale - shown / 2.0);
    }

    private static long[] canvasSize(JavascriptExecutor js, String selector) {
        Object size = js.executeScript(
                "const c = document.querySelector(arguments[0]); return [c.width, c.height];", selector);
        java.util.List<?> list = (java.util.List<?>) size;
        return new long[] {((Number) list.get(0)).longValue(), ((Number) list.get(1)).longValue()};
    }

    /** The share of white pixels in the noVNC canvas (what the VNC server drew there). */
    private static double whiteShareOfCanvas(JavascriptExecutor js, String canvas) {
        return colourShare(js, canvas, 250, 255, 250, 255, 250, 255);
    }

    /** The share of the user's canvas in the notice's colour. */
    private static double noticeShare(JavascriptExecutor js) {
        return colourShare(js, "#screen canvas", NOTICE[0] - 12, 255, NOTICE[1] - 16, NOTICE[1] + 16, 0, 40);
    }

    private static double colourShare(
            JavascriptExecutor js, String canvas, int rMin, int rMax, int gMin, int gMax, int bMin, int bMax) {
        Object share = js.executeScript(
                "const c = document.querySelector(arguments[0]);"
                        + "if (!c || !c.width) return 0;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i] >= arguments[1] && d[i] <= arguments[2] && d[i+1] >= arguments[3]"
                        + "      && d[i+1] <= arguments[4] && d[i+2] >= arguments[5] && d[i+2] <= arguments[6]) n++; }"
                        + "return n / (d.length / 4);",
                canvas,
                rMin,
                rMax,
                gMin,
                gMax,
                bMin,
                bMax);
        return ((Number) share).doubleValue();
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(
                SHOTS.resolve(name),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static double whiteShare(BufferedImage image) {
        long white = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                white += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 1 : 0;
            }
        }
        return (double) white / ((long) image.getWidth() * image.getHeight());
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static JsonNode json(Object text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(text));
    }
}
