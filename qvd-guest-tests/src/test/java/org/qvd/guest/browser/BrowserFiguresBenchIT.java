package org.qvd.guest.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.guest.browser.BrowserDesktopGuestIT.awaitDesktopState;
import static org.qvd.guest.browser.BrowserDesktopGuestIT.awaitDrawn;
import static org.qvd.guest.browser.BrowserDesktopGuestIT.ms;
import static org.qvd.guest.browser.BrowserDesktopGuestIT.typeOnDesktop;
import static org.qvd.guest.desktop.NxChecks.awaitDesktop;
import static org.qvd.guest.desktop.NxChecks.awaitXState;
import static org.qvd.guest.desktop.NxChecks.typeIntoTheTerminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.guest.platform.ClientProcess;
import org.qvd.guest.platform.ContainerDesktop;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.XDisplay;
import org.qvd.testsupport.net.TestNetworkLink;

/**
 * Issue 18's figures, each against the NX client as the baseline measured in the same run on the same container
 * desktop (run by {@code bench/browser/run.sh}, {@code -Dqvd.bench.browser=true}; skipped otherwise):
 * <ul>
 *   <li>first frame on a suspended session: from the click on the VM in the page to the terminal drawn in the
 *       browser's canvas, against from starting {@code qvd-client} to the terminal on its X display; rounds
 *       alternate, medians and their ratio;
 *   <li>bytes per second while the terminal scrolls ({@code seq}), counted on each client's own line (a forwarder in
 *       front of the server's HTTPS port for the browser, of the L7R port for {@code qvd-client}; TLS included):
 *       browser, NX client, ratio; the idle desktop of each beside it.
 * </ul>
 * Prints {@code BENCH browser …} lines. Times, not asserts: nothing here fails on a slow machine.
 */
@ExtendWith(GuestSystem.class)
class BrowserFiguresBenchIT {
    private static final Path WORK =
            Path.of(System.getProperty("qvd.guest.artifacts", "target/guest-artifacts"), "browser-bench");
    private static final int ROUNDS = Integer.getInteger("qvd.bench.browser.rounds", 3);

    @Test
    void firstFrameAndBytesPerSecondBrowserAgainstQvdClient(GuestSystem.Running r) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("qvd.bench.browser"), "benchmark: -Dqvd.bench.browser=true");
        long vm = ContainerDesktop.demo(r).vm();
        String login = r.demo().user() + "@default";
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("known_servers"));
        List<Long> browser = new ArrayList<>();
        List<Long> client = new ArrayList<>();
        try (Chromium chromium = new Chromium(1280, 860);
                TestNetworkLink browserLine = new TestNetworkLink(0, r.system().httpsPort());
                TestNetworkLink nxLine = new TestNetworkLink(0, r.system().l7rPort());
                XDisplay display = XDisplay.start(80, WORK.resolve("xvfb.log"))) {
            WebDriver driver = chromium.driver;
            JavascriptExecutor js = (JavascriptExecutor) driver;
            // cold start by the baseline client: the session exists and is suspended afterwards
            try (ClientProcess cold = ClientProcess.connect(
                    display, nxLine.port(), login, r.demo().password(), vm, WORK, "cold")) {
                awaitDesktop(display, cold, "bench-cold.png", Duration.ofMinutes(4));
            }
            String ip = r.admin().vm(vm).path("ip").asText();
            awaitXState(vm, ip, "suspended");
            driver.get("https://localhost:" + browserLine.port() + "/desktop/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            driver.findElement(By.id("login")).sendKeys(login);
            driver.findElement(By.id("password")).sendKeys(r.demo().password());
            driver.findElement(By.id("login-submit")).click();

            for (int round = 1; round <= ROUNDS; round++) {
                wait.until(d -> d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']")));
                long begin = System.nanoTime();
                driver.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']"))
                        .click();
                awaitDesktopState(driver, "connected", Duration.ofMinutes(2));
                awaitDrawn(driver, js);
                browser.add(ms(begin));
                driver.findElement(By.id("disconnect")).click();
                awaitDesktopState(driver, "disconnected", Duration.ofSeconds(30));
                awaitXState(vm, ip, "suspended");
                driver.findElement(By.id("back")).click();

                Path probe = WORK.resolve("nx-first-frame.png");
                begin = System.nanoTime();
                try (ClientProcess nx = ClientProcess.connect(
                        display, nxLine.port(), login, r.demo().password(), vm, WORK, "round-" + round)) {
                    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (!display.brightAt(probe, 300, 200)) {
                        assertThat(nx.isAlive())
                                .as("client ended: %s", nx.output())
                                .isTrue();
                        assertThat(System.nanoTime()).as("qvd-client's desktop").isLessThan(end);
                        Thread.sleep(100);
                    }
                    client.add(ms(begin));
                }
                awaitXState(vm, ip, "suspended");
                System.out.printf(
                        "BENCH browser round %d: first frame on a suspended session browser %d ms, qvd-client %d ms%n",
                        round, browser.get(round - 1), client.get(round - 1));
            }
            long b = median(browser);
            long c = median(client);
            System.out.printf(
                    "BENCH browser first frame (suspended session, median of %d): browser %d ms, qvd-client %d ms,"
                            + " browser/qvd-client %.2f%n",
                    ROUNDS, b, c, (double) b / c);

            // bytes per second of a scrolling terminal on each client's line
            wait.until(d -> d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']")))
                    .click();
            awaitDesktopState(driver, "connected", Duration.ofMinutes(2));
            awaitDrawn(driver, js);
            long[] web = bytesPerSecond(
                    browserLine,
                    () -> typeOnDesktop(driver, js, "seq 1 100000000"),
                    () -> new Actions(driver)
                            .keyDown(Keys.CONTROL)
                            .sendKeys("c")
                            .keyUp(Keys.CONTROL)
                            .perform());
            driver.findElement(By.id("disconnect")).click();
            awaitDesktopState(driver, "disconnected", Duration.ofSeconds(30));
            awaitXState(vm, ip, "suspended");
            long[] nx;
            try (ClientProcess scrolling = ClientProcess.connect(
                    display, nxLine.port(), login, r.demo().password(), vm, WORK, "scroll")) {
                awaitDesktop(display, scrolling, "bench-scroll.png", Duration.ofMinutes(2));
                nx = bytesPerSecond(
                        nxLine,
                        () -> {
                            try {
                                typeIntoTheTerminal(display, "seq 1 100000000");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        () -> display.key("ctrl+c"));
            }
            System.out.printf(
                    "BENCH browser scrolling terminal (10 s of seq): browser %d KB/s (idle %d KB/s), qvd-client %d KB/s"
                            + " (idle %d KB/s), browser/qvd-client %.2f%n",
                    web[1] / 1000, web[0] / 1000, nx[1] / 1000, nx[0] / 1000, (double) web[1] / Math.max(1, nx[1]));
        } finally {
            String state = r.admin().vm(vm).path("state").asText();
            if (state.equals("starting") || state.equals("running")) {
                r.admin().post("/vms/" + vm + "/stop");
            }
        }
    }

    /** {idle, scrolling} bytes per second towards the client on its line. */
    private static long[] bytesPerSecond(TestNetworkLink line, Runnable start, Runnable stop) throws Exception {
        long idle0 = line.bytesToClient();
        Thread.sleep(5000);
        long idle = (line.bytesToClient() - idle0) / 5;
        start.run();
        Thread.sleep(1000);
        long b0 = line.bytesToClient();
        Thread.sleep(10_000);
        long scrolling = (line.bytesToClient() - b0) / 10;
        stop.run();
        return new long[] {idle, scrolling};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
