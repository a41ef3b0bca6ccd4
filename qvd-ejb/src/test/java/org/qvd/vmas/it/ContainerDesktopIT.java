package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.vmas.it.FarmView.await;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * Issue 17 on the VMAS side, with stand-in hosts on WildFly's real Artemis: an OSF says whether its desktops are VMs
 * or containers, a host says which kinds it offers, and a start goes only to a host offering the OSF's kind, carrying
 * the container's limits from the OSF. The agent's container driver has its own tests (qvd-hkd-agent, guest tier).
 */
@ExtendWith(ArquillianExtension.class)
class ContainerDesktopIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("container-desktop-it");
    }

    @Inject
    StandInHkd hkd;

    @Inject
    FarmView farm;

    @Inject
    VmService vms;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Inject
    PropertyService properties;

    @Test
    void anOsfKindIsSetShownAndFixedOnceItHasAnImage() throws Exception {
        OsfDto osf = As.superadmin(
                () -> osfs.create(new NewOsf(1L, Scenario.unique("ct"), 512, true, 0, null, "container")));
        assertThat(osf.kind()).isEqualTo("container");
        assertThat(As.superadmin(() -> osfs.update(osf.id(), new OsfUpdate(null, null, null, null, null, "vm")))
                        .kind())
                .isEqualTo("vm");
        assertThat(As.superadmin(() -> osfs.create(new NewOsf(1L, Scenario.unique("plain"), 512, true, 0, null, null)))
                        .kind())
                .as("an OSF without a kind keeps today's VMs")
                .isEqualTo("vm");
        assertThatThrownBy(() -> As.superadmin(
                        () -> osfs.create(new NewOsf(1L, Scenario.unique("x"), 512, true, 0, null, "lxc"))))
                .isInstanceOf(QvdException.class)
                .hasMessageContaining("vm or container");

        As.superadmin(
                () -> dis.importStaged(new StagedDi(osf.id(), stageQcow2(Scenario.unique("vmimg")), "1", null, true)));
        assertThatThrownBy(() -> As.superadmin(
                        () -> osfs.update(osf.id(), new OsfUpdate(null, null, null, null, null, "container"))))
                .isInstanceOf(QvdException.class)
                .extracting("code")
                .isEqualTo("osf.kind_in_use");
        assertThat(As.superadmin(() -> osfs.get(osf.id())).kind()).isEqualTo("vm");
    }

    @Test
    void aContainerStartsOnlyOnAHostOfferingContainersWithTheOsfsLimits() throws Exception {
        String vmHost = Scenario.unique("vmnode");
        hkd.register(vmHost, List.of(), List.of("vm"));
        String ctHost = Scenario.unique("ctnode");
        hkd.register(ctHost, List.of(), List.of("container")); // registered last: the most free memory
        HostDto offered = await(
                () -> farm.hostNamed(ctHost),
                h -> h != null && "running".equals(h.state().wireName()));
        assertThat(offered.kinds()).containsExactly("container");
        await(
                () -> farm.hostNamed(vmHost),
                h -> h != null && "running".equals(h.state().wireName()));

        long containerVm = newDesktop("container", stageRootfs(Scenario.unique("rootfs")));
        long osfId = As.superadmin(() -> vms.get(containerVm).osfId());
        As.superadmin(() -> properties.set(PropertyOwner.OSF, osfId, "container.pids.max", "512"));
        rejoin(vmHost, ctHost); // stand-ins send no heartbeats: a slow machine may have declared them lost by now
        As.superadmin(() -> vms.start(containerVm));
        StartVmCommand start = hkd.receive(ctHost, StartVmCommand.class, WAIT.toMillis());
        assertThat(start).as("the container start reached the container host").isNotNull();
        assertThat(start.vmId()).isEqualTo(containerVm);
        assertThat(start.diPath()).endsWith(".rootfs.tar");
        assertThat(start.container()).isEqualTo(new StartVmCommand.Container(1024, 512));
        assertThat(start.memoryMb()).isEqualTo(384);

        long vm = newDesktop("vm", stageQcow2(Scenario.unique("vmimg")));
        rejoin(vmHost, ctHost);
        As.superadmin(() -> vms.start(vm));
        assertThat(hkd.receive(ctHost, StartVmCommand.class, 2000))
                .as("a VM never goes to a host that offers only containers")
                .isNull();
    }

    @Test
    void anImageOfTheOtherKindIsRefusedBeforeAnyHostIsAsked() throws Exception {
        long vm = newDesktop("container", stageQcow2(Scenario.unique("wrong")));
        assertThatThrownBy(() -> As.superadmin(() -> vms.start(vm)))
                .isInstanceOf(QvdException.class)
                .extracting("code")
                .isEqualTo("vm.image_kind");
        assertThat(As.superadmin(() -> vms.get(vm)).state().wireName())
                .as("nothing changed")
                .isEqualTo("stopped");
    }

    private void rejoin(String vmHost, String ctHost) throws Exception {
        hkd.register(vmHost, List.of(), List.of("vm"));
        hkd.register(ctHost, List.of(), List.of("container"));
        await(
                () -> farm.hostNamed(ctHost),
                h -> "running".equals(h.state().wireName()) && h.kinds().equals(List.of("container")));
        await(() -> farm.hostNamed(vmHost), h -> "running".equals(h.state().wireName()));
    }

    private long newDesktop(String kind, String stagedFile) throws Exception {
        return As.superadmin(() -> {
            String suffix = Scenario.unique("");
            long userId = users.create(new NewUser(1L, "c" + suffix, Scenario.PASSWORD, null))
                    .id();
            long osfId = osfs.create(new NewOsf(1L, "osf" + suffix, 384, true, 0, null, kind))
                    .id();
            dis.importStaged(new StagedDi(osfId, stagedFile, "1", null, true));
            return vms.create(new NewVm(userId, osfId, "d" + suffix, null, null, null))
                    .id();
        });
    }

    private static String stageQcow2(String base) {
        return TestImages.stage(base, false);
    }

    /** As images/build.sh leaves its container output: the archive and its metadata (no kernel). */
    private static String stageRootfs(String base) throws IOException {
        Files.createDirectories(TestImages.STAGING);
        Files.writeString(TestImages.STAGING.resolve(base + ".rootfs.tar"), "tar bytes of " + base);
        Files.writeString(TestImages.STAGING.resolve(base + ".rootfs.json"), """
                {"name": "qvd-desktop", "version": "1", "image": "%s.rootfs.tar", "format": "rootfs-tar"}
                """.formatted(base));
        return base + ".rootfs.tar";
    }
}
