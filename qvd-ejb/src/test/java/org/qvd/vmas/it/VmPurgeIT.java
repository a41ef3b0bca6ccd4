package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.vmas.it.FarmView.await;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * Deleting a VM keeps its user's home disk unless the admin purges it explicitly; then every running host is told
 * (over WildFly's real Artemis, a stand-in HKD listening), and the audit says so.
 */
@ExtendWith(ArquillianExtension.class)
class VmPurgeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("vm-purge-it");
    }

    @Inject
    StandInHkd hkd;

    @Inject
    FarmView farm;

    @Inject
    Scenario scenario;

    @Inject
    VmService vms;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Test
    void aPurgeTellsEveryRunningHostAndAPlainDeleteNone() throws Exception {
        String host = Scenario.unique("node");
        hkd.register(host, List.of());
        await(
                () -> farm.hostNamed(host),
                h -> h != null && "running".equals(h.state().wireName()));
        long kept = newVm();
        long purged = newVm();

        As.superadmin(() -> {
            vms.delete(kept, false);
            return null;
        });
        As.superadmin(() -> {
            vms.delete(purged, true);
            return null;
        });

        PurgeHomeCommand purge = hkd.receive(host, PurgeHomeCommand.class, 20_000);
        assertThat(purge).as("PurgeHome reached the host queue").isNotNull();
        assertThat(purge.vmId()).as("only the purged VM's home").isEqualTo(purged);
        assertThat(purge.deadline()).isNotNull();
        assertThat(hkd.receive(host, PurgeHomeCommand.class, 2_000))
                .as("a plain delete purges nothing")
                .isNull();
        assertThatThrownBy(() -> As.superadmin(() -> vms.get(purged))).isInstanceOf(NotFoundException.class);
        assertThat(scenario.auditOf("vm", purged)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("vm.delete");
            assertThat(e.ok()).isTrue();
        });
    }

    private long newVm() throws Exception {
        return As.superadmin(() -> {
            String suffix = Scenario.unique("");
            long userId = users.create(new NewUser(1L, "u" + suffix, Scenario.PASSWORD, null))
                    .id();
            long osfId = osfs.create(new NewOsf(1L, "osf" + suffix, 256, true, 1024, null, null))
                    .id();
            dis.upload(new UploadedDi(osfId, "1", "desk.qcow2", null, "default"), TestImages.content());
            return vms.create(new NewVm(userId, osfId, "vm" + suffix, null, null, null))
                    .id();
        });
    }
}
