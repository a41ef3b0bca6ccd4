package org.qvd.hkd.vm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.testsupport.RequiredResource;

/** "no bootable disk": a real qcow2 read through qemu-img, as a guest's BIOS would read its first sector. */
class BootSectorTest {

    private static final Path QEMU_IMG = Path.of("/usr/bin/qemu-img");

    @Test
    void anEmptyImageIsNoBootableDiskAndOneWithABootSignatureIsAccepted(@TempDir Path dir) throws Exception {
        RequiredResource.executable(QEMU_IMG, "qemu-utils");
        Path raw = dir.resolve("mbr.raw");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.setLength(1024 * 1024);
            file.seek(510);
            file.write(new byte[] {0x55, (byte) 0xaa});
        }
        Path bootable = dir.resolve("bootable.qcow2");
        Path empty = dir.resolve("empty.qcow2");
        run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), bootable.toString());
        run("qemu-img", "create", "-f", "qcow2", empty.toString(), "1M");
        Path overlay = dir.resolve("overlay.qcow2");
        run("qemu-img", "create", "-f", "qcow2", "-F", "qcow2", "-b", bootable.toString(), overlay.toString());

        BootSector.requireBootable(bootable);
        BootSector.requireBootable(overlay); // read through the overlay's backing chain
        assertThatThrownBy(() -> BootSector.requireBootable(empty))
                .isInstanceOf(HkdException.class)
                .hasMessageStartingWith("no bootable disk: ");
        BootSector.requireBootable(dir.resolve("not-a-file-here.qcow2")); // nothing to judge
        try (TestHypervisor hv = new TestHypervisor()) {
            // the test driver's volumes are not files: a file at the same path (another system's overlay) is not its
            // disk
            hv.storage.requireBootable(empty.toString());
        }
        assertThat(BootSector.read(empty))
                .hasValueSatisfying(sector -> assertThat(sector).hasSize(512));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
    }
}
