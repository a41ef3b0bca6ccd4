package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which kind {@code ./qvd run}'s demo desktop gets, and the reason it prints, decided against a stand-in machine: a
 * directory laid out as the root of a Debian host (LXC's tools, {@code /proc/filesystems}, the user-namespace sysctl,
 * {@code /etc/subuid}) that each test breaks in one place, since the real machine cannot be made to lack each thing.
 * A container where everything is there, a VM with the reason otherwise or with {@code --demo-vm}.
 */
class DemoKindWithStandInRootTest {

    @TempDir
    Path dir;

    private Path root;
    private Path images;

    @BeforeEach
    void aHostWhereContainersWork() throws IOException {
        root = dir.resolve("root");
        for (String tool : ContainerHost.TOOLS) {
            executable(root.resolve("usr/bin").resolve(tool), "#!/bin/sh\necho 5.0.2\n");
        }
        write("proc/filesystems", "nodev\tproc\nnodev\tcgroup2\n\text4\nnodev\toverlay\n");
        write("proc/sys/user/max_user_namespaces", "96367\n");
        write("etc/subuid", "root:100000:65536\n");
        write("etc/subgid", "root:100000:65536\n");
        images = Files.createDirectories(dir.resolve("images/out"));
        Files.writeString(images.resolve("qvd-desktop-20261206.0552-4f8de1e9.qcow2"), "");
        Files.writeString(images.resolve("qvd-desktop-20261206.0501-00000000.rootfs.tar"), "");
        Files.writeString(images.resolve("qvd-desktop-20261206.0552-4f8de1e9.rootfs.tar"), "");
    }

    @Test
    void aContainerWhereContainersWorkSayingWhyAndHowToGetAVm() {
        DemoDesktop.Choice choice = choose(config(Map.of()), "root", true);
        assertThat(choice.kind()).isEqualTo(DemoDesktop.Kind.CONTAINER);
        assertThat(choice.why())
                .contains(
                        "LXC 5.0.2 installed",
                        "running as root",
                        "user namespaces allowed",
                        "qvd-desktop-20261206.0552-4f8de1e9.rootfs.tar",
                        "starts in seconds",
                        "under software emulation takes minutes",
                        "./qvd run --demo-vm");
    }

    @Test
    void aVmWhenAskedFor() {
        assertThat(choose(config(Map.of()).withDemoVm(), "root", true))
                .isEqualTo(new DemoDesktop.Choice(DemoDesktop.Kind.VM, "asked for (--demo-vm or QVD_DEMO_KIND=vm)"));
        assertThat(choose(config(Map.of("QVD_DEMO_KIND", "vm")), "root", true).kind())
                .isEqualTo(DemoDesktop.Kind.VM);
    }

    @Test
    void aVmNamingWhatIsMissingForContainers() throws IOException {
        assertThat(choose(config(Map.of()), "qvd", true).why())
                .startsWith("containers cannot run here: the run command is not running as root")
                .endsWith("a VM under software emulation takes minutes to start");

        Files.delete(root.resolve("usr/bin/lxc-usernsexec"));
        assertVm("lxc-usernsexec is not installed (Debian: apt-get install lxc uidmap");
        executable(root.resolve("usr/bin/lxc-usernsexec"), "#!/bin/sh\n");

        write("proc/filesystems", "nodev\tproc\n\text4\n");
        assertVm("the kernel has no overlay file system");
        write("proc/filesystems", "nodev\toverlay\n");

        write("proc/sys/user/max_user_namespaces", "0\n");
        assertVm("the kernel allows no user namespaces (sysctl user.max_user_namespaces is 0)");
        write("proc/sys/user/max_user_namespaces", "15000\n");

        write("etc/subgid", "root:100000:1000\nqvd:165536:65536\n");
        assertVm("/etc/subgid gives root no id range 100000:65536");
        write("etc/subgid", "root:0:4294967295\n");
        assertThat(choose(config(Map.of()), "root", true).kind()).isEqualTo(DemoDesktop.Kind.CONTAINER);
    }

    @Test
    void aVmWithoutAContainerImageOrAnAgentThatRunsDesktops() throws IOException {
        assertThat(choose(config(Map.of("QVD_HKD_LIBVIRT_URI", "test:///default")), "root", true)
                        .why())
                .startsWith("the local host agent runs on libvirt's test driver");
        assertThat(choose(config(Map.of()), "root", false).why()).startsWith("no local host agent runs");
        try (var files = Files.list(images)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".rootfs.tar")).toList()) {
                Files.delete(f);
            }
        }
        DemoDesktop.Choice choice = choose(config(Map.of("QVD_HKD_DOMAIN_TYPE", "kvm")), "root", true);
        assertThat(choice.kind()).isEqualTo(DemoDesktop.Kind.VM);
        assertThat(choice.why())
                .isEqualTo("no container image (*.rootfs.tar) in " + images
                        + "; images/build.sh writes one beside the VM image");
    }

    @Test
    void insistingOnAContainerWhereNoneCanRunIsAnErrorWithTheReason() throws IOException {
        Files.delete(root.resolve("usr/bin/lxc-start"));
        assertThatThrownBy(() -> choose(config(Map.of("QVD_DEMO_KIND", "container")), "root", true))
                .isInstanceOf(LauncherException.class)
                .hasMessageStartingWith(
                        "QVD_DEMO_KIND=container, but containers cannot run here: lxc-start is not installed");
        assertThatThrownBy(() -> config(Map.of("QVD_DEMO_KIND", "lxc")))
                .isInstanceOf(LauncherException.class)
                .hasMessage("QVD_DEMO_KIND must be one of auto, container, vm; got 'lxc'");
    }

    private void assertVm(String reason) {
        DemoDesktop.Choice choice = choose(config(Map.of()), "root", true);
        assertThat(choice.kind()).isEqualTo(DemoDesktop.Kind.VM);
        assertThat(choice.why()).startsWith("containers cannot run here: " + reason);
    }

    private DemoDesktop.Choice choose(LauncherConfig config, String user, boolean localHkd) {
        return DemoDesktop.choose(config, new ContainerHost(root, user), localHkd);
    }

    private LauncherConfig config(Map<String, String> extra) {
        Map<String, String> env =
                new HashMap<>(Map.of("QVD_SOURCE_ROOT", dir.toString(), "QVD_IMAGES_STAGING", images.toString()));
        env.putAll(extra);
        return LauncherConfig.fromEnvironment(env);
    }

    private void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void executable(Path p, String script) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
