package org.qvd.hkd.container.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.hkd.container.entity.ContainerLayout;

/** The driver's file work on a real file system; starting containers is RealContainerIT's (it needs root and LXC). */
class ContainerDriverTest {

    @TempDir
    Path dir;

    private ContainerDriver driver() {
        ContainerLayout layout =
                new ContainerLayout(dir.resolve("containers"), dir.resolve("bases"), dir.resolve("homes"));
        return new ContainerDriver(
                new ContainerDriver.Host(layout, dir.resolve("images"), 100000, 65536, "qvdbr0", "10.3.0.1", 16, false),
                HostCommands.SYSTEM,
                "qemu:///system");
    }

    @Test
    void purgeHomeDeletesOnlyThatVmsHomeDirectory() throws Exception {
        Path home = Files.createDirectories(dir.resolve("homes/qvd-vm-7-home/alice"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        Path other = Files.createDirectories(dir.resolve("homes/qvd-vm-71-home"));

        assertThat(driver().purgeHome(7)).isTrue();

        assertThat(dir.resolve("homes/qvd-vm-7-home")).doesNotExist();
        assertThat(other).isDirectory();
        assertThat(driver().purgeHome(7)).as("nothing left to purge").isFalse();
    }

    @Test
    void aContainerThatNeverRanIsNeitherListedNorDestroyedWithAnError() {
        ContainerDriver driver = driver();
        assertThat(driver.list()).isEmpty();
        driver.destroy(8);
        assertThat(driver.describe(8)).isEmpty();
    }

    @Test
    void aMissingImageIsReportedAsImageFileMissing() {
        RootfsBases bases = new RootfsBases(
                new ContainerLayout(dir, dir.resolve("bases"), dir), HostCommands.SYSTEM, 100000, 65536);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bases.ensure(dir.resolve("images/x.rootfs.tar")))
                .hasMessageStartingWith("image file missing: ");
    }

    @Test
    void theVmaKeyGoesIntoTheContainersOwnLayerReadableByItsRootOnly() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base/etc/qvd"));
        Files.writeString(base.resolve("vma.properties"), "vma.http.port=3030\n");
        Path upper = Files.createDirectories(dir.resolve("upper"));
        String key = "ab".repeat(32);

        assertThat(VmaKeyFile.write(dir.resolve("base"), upper, key, 0)).isTrue();

        Path written = upper.resolve("etc/qvd/vma.properties");
        assertThat(Files.readString(written)).startsWith("vma.http.port=3030\n").endsWith("vma.key=" + key + "\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
                .isEqualTo("rw-------");
        assertThat(Files.getPosixFilePermissions(upper.resolve("etc")))
                .isEqualTo(Files.getPosixFilePermissions(dir.resolve("base/etc")));
        assertThat(Files.readString(base.resolve("vma.properties")))
                .as("the shared image is untouched")
                .doesNotContain("vma.key");
        assertThat(VmaKeyFile.write(dir.resolve("nothing"), upper, key, 0)).isFalse();
    }
}
