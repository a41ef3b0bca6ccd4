package org.qvd.guest.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.qvd.testsupport.RequiredResource;

/** One headless Debian Chromium with its own profile (the flags the WAT tests use), trusting the test CA's server. */
final class Chromium implements AutoCloseable {
    final WebDriver driver;
    private final Path profile;

    Chromium(int width, int height) throws IOException {
        RequiredResource.executable(Path.of("/usr/bin/chromium"), "chromium");
        RequiredResource.executable(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "chromium-desktop-");
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
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the build's temp directory
        }
    }
}
