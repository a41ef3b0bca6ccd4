package org.qvd.guest.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.qvd.testsupport.RequiredResource;

/** The shared headless Chromium (the WAT tests' flags) at the size a desktop page needs. */
final class Chromium extends org.qvd.testsupport.browser.Chromium {

    Chromium(int width, int height) throws IOException {
        super(installed(width), height, Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /** Skips (or fails where required) without Debian's chromium and chromium-driver, before starting anything. */
    private static int installed(int width) {
        RequiredResource.executable(Path.of("/usr/bin/chromium"), "chromium");
        RequiredResource.executable(Path.of("/usr/bin/chromedriver"), "chromium-driver");
        return width;
    }

    Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
