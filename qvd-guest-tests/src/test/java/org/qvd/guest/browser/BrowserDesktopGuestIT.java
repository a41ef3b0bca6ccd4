package org.qvd.guest.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.guest.platform.Admin;
import org.qvd.guest.platform.ContainerDesktop;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Libvirt;

/**
 * The desktop in a web browser (issue 18, docs/browser.md), on ONE container desktop (it boots in seconds): a real
 * headless Chromium opens {@code /desktop/}, logs in as the demo user, starts the stopped container from the list,
 * sees its desktop (pixels in a screenshot of the page) and types a command the test hears from the VM side; then
 * tickets: a reused, forged or another user's ticket is refused, and a second connect takes the session over from the
 * browser, which shows it. Meanwhile an administrator Views the session from the WAT (their keys do not reach it) and
 * Assists (they do), both audited with their duration. Prints {@code FIGURE} lines.
 */
@ExtendWith(GuestSystem.class)
class BrowserDesktopGuestIT {
    private static final Path SHOTS =
            Path.of(System.getProperty("qvd.guest.artifacts", "target/guest-artifacts"), "browser");
    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void theUserOpensTheStoppedDesktopInABrowserTypesIntoItAndTicketsCannotBeReplayedOrBorrowed(GuestSystem.Running r)
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
        try (Chromium chromium = new Chromium(1280, 860);
                ServerSocket typed = new ServerSocket(0, 5, InetAddress.getByName(hostAddress))) {
            typed.setSoTimeout(60_000);
            var driver = chromium.driver;
            var js = (JavascriptExecutor) driver;
            driver.get("https://localhost:" + https + "/desktop/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            driver.findElement(By.id("login")).sendKeys(login);
            driver.findElement(By.id("password")).sendKeys(r.demo().password());
            driver.findElement(By.id("login-submit")).click();
            WebElement entry = wait.until(d -> d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']")));
            assertThat(entry.getText()).contains("stopped");

            long begin = System.nanoTime();
            entry.click();
            new WebDriverWait(driver, START)
                    .until(d ->
                            "connected".equals(d.findElement(By.tagName("body")).getAttribute("data-desktop")));
            long connectedMs = (System.nanoTime() - begin) / 1_000_000;
            try {
                new WebDriverWait(driver, Duration.ofSeconds(60))
                        .until(d -> whiteShareOfCanvas(js, "#screen canvas") > 0.05);
            } catch (org.openqa.selenium.TimeoutException blank) {
                // seen in about one run of four (session 8): connected, but no xterm in the canvas. What the page and
                // its canvas show goes to the log and a screenshot, for whoever finds the cause
                chromium.screenshot(SHOTS.resolve("1-desktop-blank.png"));
                throw new AssertionError(
                        "connected but the desktop was not drawn in 60 s; the page: "
                                + js.executeScript("const c = document.querySelector('#screen canvas');"
                                        + "return JSON.stringify({desktop: document.body.dataset.desktop,"
                                        + " status: (document.getElementById('desktop-status') || {}).textContent,"
                                        + " canvas: c ? c.width + 'x' + c.height : null,"
                                        + " shown: c ? getComputedStyle(c).width + 'x' + getComputedStyle(c).height"
                                        + " : null})")
                                + ", white share " + whiteShareOfCanvas(js, "#screen canvas"),
                        blank);
            }
            System.out.printf(
                    "FIGURE browser: click on the stopped container -> VNC connected %d ms, -> desktop "
                            + "drawn %d ms%n",
                    connectedMs, (System.nanoTime() - begin) / 1_000_000);
            BufferedImage shot = ImageIO.read(
                    chromium.screenshot(SHOTS.resolve("1-desktop.png")).toFile());
            assertThat(whiteShare(shot))
                    .as("the xterm of the desktop, white in the page's screenshot")
                    .isGreaterThan(0.05);
            assertThat(driver.findElements(By.id("progress")).get(0).getAttribute("textContent"))
                    .as("the progress the NX client would have had")
                    .contains("Starting virtual machine");

            // keys typed in the page reach the session: the VM's shell calls back
            WebElement canvas = driver.findElement(By.cssSelector("#screen canvas"));
            clickAtDesktop(driver, js, canvas, 300, 200);
            new Actions(driver)
                    .sendKeys("echo typed-$((6*7)) > /dev/tcp/" + hostAddress + "/" + typed.getLocalPort())
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThat(line(typed)).isEqualTo("typed-42");
            chromium.screenshot(SHOTS.resolve("2-typed.png"));
            adminViewsThenAssists(r, vm, typed, " > /dev/tcp/" + hostAddress + "/" + typed.getLocalPort());

            // the ticket the page used is spent: replayed with the same user's session, it is refused
            JsonNode current = json(js.executeScript("return JSON.stringify(window.qvdDesktop.current())"));
            DesktopApi user = new DesktopApi(https).login(login, r.demo().password());
            assertThat(user.relay(
                            current.path("id").asText(), current.path("ticket").asText()))
                    .as("a reused ticket")
                    .startsWith("closed 1008");
            assertThat(user.relay(current.path("id").asText(), "forged" + "A".repeat(40)))
                    .as("a forged ticket")
                    .startsWith("closed 1008");

            // a fresh ticket of the user (this connect takes the session over from the page)
            JsonNode fresh = user.connectAndAwaitTicket(vm, Duration.ofMinutes(2));
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(d -> "disconnected"
                            .equals(d.findElement(By.tagName("body")).getAttribute("data-desktop")));
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.id("connect-error")).getText().contains("taken over"));
            chromium.screenshot(SHOTS.resolve("3-taken-over.png"));
            DesktopApi peer = new DesktopApi(https).login("browserpeer@default", "Peer-Password-123");
            assertThat(peer.relay(
                            fresh.path("id").asText(), fresh.path("ticket").asText()))
                    .as("another user's ticket")
                    .startsWith("closed 1008");
            assertThat(new DesktopApi(https)
                            .relay(
                                    fresh.path("id").asText(),
                                    fresh.path("ticket").asText()))
                    .as("no session at all")
                    .startsWith("closed 1008");
            assertThat(peer.post("api/vms/" + vm + "/connect", null).statusCode())
                    .as("another user's VM: as if it did not exist")
                    .isEqualTo(404);
        } finally {
            String state = admin.vm(vm).path("state").asText();
            if (state.equals("starting") || state.equals("running")) {
                admin.post("/vms/" + vm + "/stop");
            }
        }
    }

    /**
     * An administrator watches the user's session from the WAT (View: the admin's keys do not reach it), then assists
     * (they do); both are in the audit with how long they lasted.
     */
    private static void adminViewsThenAssists(GuestSystem.Running r, long vm, ServerSocket typed, String sendBack)
            throws Exception {
        int https = r.system().httpsPort();
        try (Chromium admin = new Chromium(1280, 900)) {
            var driver = admin.driver;
            var js = (JavascriptExecutor) driver;
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
            typed.setSoTimeout(8_000);
            // as a hostile page could: noVNC sends the keys, the VNC server in the VM must drop them
            js.executeScript("window.qvdWatch.rfb.viewOnly = false;");
            clickAtDesktop(driver, js, driver.findElement(By.cssSelector("#watch-screen canvas")), 300, 200);
            new Actions(driver)
                    .sendKeys("echo spied-$((6*7))" + sendBack)
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThatThrownBy(() -> line(typed))
                    .as("input of a viewing admin reached the session")
                    .isInstanceOf(java.net.SocketTimeoutException.class);

            driver.get("https://localhost:" + https + "/wat/vm-watch.xhtml?id=" + vm + "&mode=assist");
            awaitWatching(driver, js);
            typed.setSoTimeout(60_000);
            clickAtDesktop(driver, js, driver.findElement(By.cssSelector("#watch-screen canvas")), 300, 200);
            new Actions(driver)
                    .sendKeys("echo assisted-$((6*7))" + sendBack)
                    .sendKeys(Keys.ENTER)
                    .perform();
            assertThat(line(typed)).isEqualTo("assisted-42");
            admin.screenshot(SHOTS.resolve("5-admin-assist.png"));
            driver.get("https://localhost:" + https + "/wat/vm.xhtml?id=" + vm); // leaves the view: its end is audited
        }
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

    private static void awaitWatching(org.openqa.selenium.WebDriver driver, JavascriptExecutor js) {
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

    /** Clicks where the desktop's point (x, y) is shown: the canvas may be scaled to the page. */
    private static void clickAtDesktop(
            org.openqa.selenium.WebDriver driver, JavascriptExecutor js, WebElement canvas, int x, int y) {
        double scale = ((Number) js.executeScript("return arguments[0].clientWidth / arguments[0].width;", canvas))
                .doubleValue();
        int dx = (int) Math.round(x * scale - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(y * scale - canvas.getSize().getHeight() / 2.0);
        new Actions(driver).moveToElement(canvas, dx, dy).click().perform();
    }

    /** The share of white pixels in the noVNC canvas (what the VNC server drew there). */
    private static double whiteShareOfCanvas(JavascriptExecutor js, String canvas) {
        Object share = js.executeScript(
                "const c = document.querySelector(arguments[0]);"
                        + "if (!c || !c.width) return 0;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let w = 0;"
                        + "for (let i = 0; i < d.length; i += 4) { if (d[i] > 250 && d[i+1] > 250 && d[i+2] > 250) w++; }"
                        + "return w / (d.length / 4);",
                canvas);
        return ((Number) share).doubleValue();
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

    private static JsonNode json(Object text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(text));
    }

    private static String line(ServerSocket server) throws Exception {
        try (Socket s = server.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            return in.readLine();
        }
    }
}
