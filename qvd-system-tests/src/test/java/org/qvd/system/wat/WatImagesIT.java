package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * Disk images that reach the farm through the WAT: a browser upload and a file an operator dropped
 * in the staging directory. Both end as a DI tagged head/default whose file lies in the image directory; the staged
 * one is then blocked, unblocked and deleted from its row.
 */
@ExtendWith(RunningSystem.class)
class WatImagesIT {

    /** The directories the system under test uses (the harness hands them to the launcher). */
    static final Path STAGING = RunningSystem.IMAGES_STAGING;

    static final Path IMAGES = RunningSystem.IMAGES_DIR;

    private final List<Path> created = new ArrayList<>();

    @Test
    void uploadsAQcow2ThroughTheBrowserAndRegistersItAsTheFirstDi(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String osf = WatData.unique("osf");
        long osfId = data.osf(data.tenant(WatData.unique("t")), osf);
        Path local = qcow2(Path.of(System.getProperty("java.io.tmpdir")).resolve(osf + ".qcow2"));
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/dis.xhtml");
            b.click(By.id("diForm:newDi"));
            Forms.selectOne(b, "diDlgForm:osf", osf);
            // leaving the field hands the version to the dialog (AJAX) before the upload registers the DI
            b.type(By.id("diDlgForm:version"), "up-1" + Keys.TAB);
            b.settle();
            b.driver.findElement(By.id("diDlgForm:upload_input")).sendKeys(local.toString());
            // one step: the upload registers the DI with the dialog's fields (the VMAS's guarded upload)
            assertThat(b.growl()).contains("Disk image up-1 uploaded and registered");
            b.settle();
            b.screenshot("17-di-uploaded");
            // stored under a unique name with the OSF's prefix in the (flat) image storage, as the REST upload does
            Path stored;
            try (var files = Files.list(IMAGES)) {
                stored = files.filter(f -> f.getFileName().toString().startsWith("osf-" + osfId + "-"))
                        .findFirst()
                        .orElseThrow();
            }
            created.add(stored);
            assertThat(stored.getFileName().toString()).endsWith("-" + local.getFileName());
            b.open("/dis.xhtml");
            String row = Forms.row(b, "diForm:diTable", osf).getText();
            assertThat(row).contains("up-1", "head", "default", stored.toString());
            assertThat(stored).exists().hasSameBinaryContentAs(local);
            b.screenshot("18-di-from-upload");
        } finally {
            Files.deleteIfExists(local);
            cleanUp();
        }
    }

    @Test
    void importsAFileFromTheStagingDirectoryWithItsBuildMetadata(QvdSystem system) throws Exception {
        WatData data = new WatData(system);
        String osf = WatData.unique("osf");
        long osfId = data.osf(data.tenant(WatData.unique("t")), osf);
        Files.createDirectories(STAGING);
        String file = osf + ".qcow2";
        Path staged = qcow2(STAGING.resolve(file));
        created.add(staged);
        // the sidecar images/build.sh writes: the DI takes its version when the form leaves it empty
        String built = "b" + osf.substring(3);
        Path sidecar = STAGING.resolve(osf + ".json");
        Files.writeString(
                sidecar,
                "{\"name\": \"qvd-desktop\", \"version\": \"" + built + "\", \"built_at\": "
                        + "\"2026-11-26T17:00:00Z\", \"suite\": \"bookworm\", \"inputs_hash\": \"0123abcd\"}");
        created.add(sidecar);
        Path imported = IMAGES.resolve("osf-" + osfId + "-" + file);
        created.add(imported);
        try (Browser b = new Browser(system.httpsPort())) {
            b.login(WatScenarioIT.SUPERADMIN, RunningSystem.SUPERADMIN_PASSWORD);
            b.open("/dis.xhtml");
            b.click(By.id("diForm:newDi"));
            Forms.selectOne(b, "diDlgForm:osf", osf);
            Forms.selectOne(b, "diDlgForm:staging", file + " (" + Files.size(staged) / 1024 + " KB, " + built + ")");
            b.screenshot("19-di-staging-choice");
            b.click(By.id("diDlgForm:save"));
            assertThat(b.growl()).contains("Disk image " + built + " registered");

            String row = Forms.row(b, "diForm:diTable", osf).getText();
            assertThat(row).contains(built, "head", "default", imported.toString());
            assertThat(imported).exists().hasSameBinaryContentAs(staged);
            assertThat(data.count("SELECT COUNT(*) FROM di WHERE version = '" + built
                            + "' AND description LIKE 'qvd-desktop built 2026-11-26T17:00:00Z (bookworm%'"))
                    .isEqualTo(1);
            b.screenshot("20-di-from-staging");

            // the row's actions: a blocked DI is shown so and stored so; a deleted one leaves the list and the storage
            Forms.rowAction(b, "diForm:diTable", osf, "block");
            assertThat(b.growl()).contains("Disk image " + built + " blocked");
            assertThat(Forms.row(b, "diForm:diTable", osf).findElements(By.cssSelector(".wat-blocked")))
                    .hasSize(1);
            assertThat(data.count("SELECT COUNT(*) FROM di WHERE version = '" + built + "' AND blocked"))
                    .isEqualTo(1);
            Forms.rowAction(b, "diForm:diTable", osf, "unblock");
            assertThat(b.growl()).contains("Disk image " + built + " unblocked");
            assertThat(data.count("SELECT COUNT(*) FROM di WHERE version = '" + built + "' AND NOT blocked"))
                    .isEqualTo(1);
            Forms.rowAction(b, "diForm:diTable", osf, "delete");
            b.click(By.id("diForm:confirmYes"));
            assertThat(b.growl()).contains("Disk image " + built + " deleted");
            assertThat(data.count("SELECT COUNT(*) FROM di WHERE version = '" + built + "'"))
                    .isZero();
            await("the deleted DI's file leaves the image storage")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !Files.exists(imported));
        } finally {
            cleanUp();
        }
    }

    /** A small, valid qcow2 made by qemu-img (what an operator would stage or upload). */
    static Path qcow2(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", file.toString(), "64M")
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getInputStream().readAllBytes()))
                .isZero();
        return file;
    }

    /** The image and staging directories are shared with other runs: remove only this test's files. */
    private void cleanUp() throws IOException {
        for (Path p : created) {
            Files.deleteIfExists(p);
        }
    }
}
