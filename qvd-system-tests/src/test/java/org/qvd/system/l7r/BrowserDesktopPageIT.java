package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.RequiredResource;
import org.qvd.testsupport.StandInDesktop;
import org.qvd.testsupport.net.TestNetworkLink;
import org.qvd.testsupport.net.TestPorts;

/**
 * The browser desktop's page ({@code /desktop/}, noVNC, the relay) in a real headless Chromium whose network to the
 * server is a {@link TestNetworkLink} the test can cut, against a VM whose VMA is a {@link StandInDesktop} and whose VNC
 * server is a real x11vnc on an Xvfb of this machine ({@link HostVncDesktop}, a stand-in for the VM's screen: the
 * guest tier does the same with a real container desktop). What the user sees: the keyboard layout they choose
 * reaches the session's start ({@code qvd.client.keyboard=pc105/de}); the desktop is drawn in the page; the status
 * bar's clipboard becomes the desktop's selection and text selected on the desktop appears in it; a cut network is
 * reconnected by the page itself; a new window size reconnects at that size; Disconnect stays disconnected.
 */
@ExtendWith(RunningSystem.class)
class BrowserDesktopPageIT {
    private static final int VNC_PORT = TestPorts.handOpened(RunningSystem.PORT_OFFSET, 21);
    private static final int DISPLAY = RunningSystem.PORT_OFFSET + 81;
    private static final Path WORK = Path.of("target", "browser-page").toAbsolutePath();

    @Test
    void thePageDrawsTheDesktopSharesTheClipboardReconnectsAndFollowsTheWindow(QvdSystem system) throws Exception {
        RequiredResource.present(
                Files.isExecutable(Path.of("/usr/bin/chromium")),
                "chromium is not installed (apt-get install chromium)");
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        Path clip = WORK.resolve("pasted.txt");
        Files.createDirectories(WORK);
        Files.deleteIfExists(clip);
        try (HostVncDesktop screen = HostVncDesktop.start(DISPLAY, VNC_PORT, WORK);
                StandInDesktop desktop = data.standIn(system, vm).vncAt(screen.port());
                TestNetworkLink link = new TestNetworkLink(0, system.httpsPort())) {
            WebDriver driver = chromium();
            try {
                JavascriptExecutor js = (JavascriptExecutor) driver;
                driver.get("https://localhost:" + link.port() + "/desktop/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                wait.until(d -> d.findElement(By.id("login")).isDisplayed());
                driver.findElement(By.id("login")).sendKeys(user.login());
                driver.findElement(By.id("password")).sendKeys(VmasData.USER_PASSWORD);
                driver.findElement(By.id("login-submit")).click();
                wait.until(d -> d.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']")));
                new Select(driver.findElement(By.id("layout"))).selectByValue("de");
                driver.findElement(By.cssSelector("button.vm[data-vm='" + vm + "']"))
                        .click();
                awaitState(driver, "connected");
                awaitDrawn(driver, js);
                shot(driver, "1-drawn.png");
                assertThat(String.join("\n", desktop.vmaCalls()))
                        .as("the session starts with the chosen layout and the window's size")
                        .contains("qvd.client.keyboard=pc105/de")
                        .containsPattern("qvd.client.geometry=\\d+x\\d+");

                // the status bar's clipboard -> the desktop's selection, pasted into its terminal
                driver.findElement(By.id("clipboard")).sendKeys("from-the-browser-42");
                Thread.sleep(1000);
                screen.typeInTerminal("echo ", "key:shift+Insert", " > " + clip, "key:Return");
                await("the browser's clipboard pasted on the desktop")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> Files.exists(clip)
                                && Files.readString(clip).trim().equals("from-the-browser-42"));

                // a word selected on the desktop -> the status bar's clipboard
                screen.typeInTerminal("clear; echo clipback42clipback42", "key:Return");
                Thread.sleep(1000);
                screen.doubleClick(90, 47); // the echoed word, the terminal's first line
                await("the desktop's selection in the page's clipboard field")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> String.valueOf(
                                        js.executeScript("return document.getElementById('clipboard').value"))
                                .equals("clipback42clipback42"));

                // the network cut: the page reconnects by itself
                int starts = vncStarts(desktop);
                long cut = System.nanoTime();
                recordStates(js);
                link.cut();
                awaitStates(driver, js, "reconnecting", "connected");
                awaitDrawn(driver, js);
                System.out.printf(
                        "FIGURE browser page: network cut -> reconnected and drawn %d ms later%n",
                        (System.nanoTime() - cut) / 1_000_000);
                assertThat(vncStarts(desktop))
                        .as("a new VNC start after the cut")
                        .isGreaterThan(starts);

                // a new window size: a reconnect at that size
                String before = driver.findElement(By.tagName("body")).getAttribute("data-geometry");
                driver.manage().window().setSize(new Dimension(1000, 700));
                new WebDriverWait(driver, Duration.ofSeconds(60))
                        .until(d ->
                                !before.equals(d.findElement(By.tagName("body")).getAttribute("data-geometry"))
                                        && "connected"
                                                .equals(d.findElement(By.tagName("body"))
                                                        .getAttribute("data-desktop")));
                String after = driver.findElement(By.tagName("body")).getAttribute("data-geometry");
                assertThat(after).isNotEqualTo(before);
                assertThat(String.join("\n", desktop.vmaCalls()))
                        .as("the reconnect asked for the window's new size")
                        .contains("qvd.client.geometry=" + after);
                awaitDrawn(driver, js);
                shot(driver, "2-resized.png");

                // Disconnect is final: no reconnect
                driver.findElement(By.id("disconnect")).click();
                awaitState(driver, "disconnected");
                Thread.sleep(3000);
                assertThat(driver.findElement(By.tagName("body")).getAttribute("data-desktop"))
                        .isEqualTo("disconnected");
            } finally {
                driver.quit();
            }
        }
    }

    private static int vncStarts(StandInDesktop desktop) {
        return (int)
                desktop.vmaCalls().stream().filter(c -> c.contains("vnc_start")).count();
    }

    /**
     * Keeps every state the page shows from now on: a reconnect to a stand-in VM can take less than one poll of
     * {@link #awaitState}, so "reconnecting" would be missed.
     */
    private static void recordStates(JavascriptExecutor js) {
        js.executeScript("window.qvdStates = [];"
                + "new MutationObserver(() => window.qvdStates.push(document.body.getAttribute('data-desktop')))"
                + ".observe(document.body, {attributes: true, attributeFilter: ['data-desktop']});");
    }

    /** Waits until the recorded states hold {@code first} and, after it, {@code then}. */
    private static void awaitStates(WebDriver driver, JavascriptExecutor js, String first, String then) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "const s = window.qvdStates || []; const i = s.indexOf(arguments[0]);"
                                + "return i >= 0 && s.slice(i + 1).includes(arguments[1])"
                                + " && document.body.getAttribute('data-desktop') === arguments[1];",
                        first,
                        then)));
    }

    private static void awaitState(WebDriver driver, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> state.equals(d.findElement(By.tagName("body")).getAttribute("data-desktop")));
    }

    /** The xterm of the stand-in screen, white, in the page's canvas (the rest of the screen is black). */
    private static void awaitDrawn(WebDriver driver, JavascriptExecutor js) {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> ((Number) js.executeScript("const c = document.querySelector('#screen canvas');"
                                        + "if (!c || !c.width) return 0;"
                                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height)"
                                        + ".data; let w = 0;"
                                        + "for (let i = 0; i < d.length; i += 4) {"
                                        + " if (d[i] > 250 && d[i+1] > 250 && d[i+2] > 250) w++; }"
                                        + "return w / (d.length / 4);"))
                                .doubleValue()
                        > 0.05);
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.write(WORK.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriver chromium() throws Exception {
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("chromium-desktop-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--no-first-run",
                "--ignore-certificate-errors",
                "--lang=de-DE",
                "--window-size=1280,860",
                "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
    }
}
