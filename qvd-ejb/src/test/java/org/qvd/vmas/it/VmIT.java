package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.account.boundary.UserAuthenticationService;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.account.boundary.UserVmDto;
import org.qvd.vmas.config.boundary.ConfigService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.boundary.VmRuntimeService;
import org.qvd.vmas.vm.boundary.VmService;
import org.qvd.vmas.vm.control.IpRangeExhaustedException;
import org.qvd.vmas.vm.entity.VmStateException;

/** VMs: creation with IP allocation, the state machine through the services, and the L7R's runtime calls. */
@ExtendWith(ArquillianExtension.class)
class VmIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("vm-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Inject
    VmService vms;

    @Inject
    VmRuntimeService runtime;

    @Inject
    TestVms testVms;

    @Inject
    HostService hosts;

    @Inject
    TestHosts testHosts;

    @Inject
    ConfigService config;

    @Inject
    PropertyService properties;

    @Inject
    UserAuthenticationService authentication;

    /** A tenant with a user, an OSF with one DI, and a running host. */
    record Desk(Tenancy tenancy, UserDto user, OsfDto osf) {}

    private Desk desk() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        UserDto user = t.as(() -> users.create(new NewUser(null, "alice", "Alice-Pw-long-1", null)));
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null, null)));
        t.as(() -> dis.upload(new UploadedDi(osf.id(), "1.0", "debian-1.0.qcow2", null, null), TestImages.content()));
        HostDto host = As.superadmin(() -> hosts.create(new NewHost(
                Scenario.unique("node-"),
                "192.0.2." + ThreadLocalRandom.current().nextInt(1, 250) + "-" + Scenario.unique(""),
                null)));
        testHosts.heartbeat(host.id());
        return new Desk(t, user, osf);
    }

    private VmDto newVm(Desk d, String name) throws Exception {
        return d.tenancy().as(() -> vms.create(new NewVm(d.user().id(), d.osf().id(), name, null, null, null)));
    }

    @Test
    void createsAVmWithTheNextFreeIpAndTheDefaultTag() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "desk1");
        assertThat(vm.ip()).startsWith("10.3.15.");
        assertThat(vm.diTag()).isEqualTo("default");
        assertThat(vm.state().wireName()).isEqualTo("stopped");
        assertThat(vm.userState().wireName()).isEqualTo("disconnected");
        VmDto second = newVm(d, "desk2");
        assertThat(second.ip()).isNotEqualTo(vm.ip());
        assertThat(d.tenancy()
                        .as(() -> vms.list(
                                new VmFilter(null, d.user().id(), null, null, null, null, null),
                                PageRequest.of(0, 10, "name", true)))
                        .items())
                .extracting(VmDto::name)
                .containsExactly("desk2", "desk1");
        assertThat(scenario.auditOf("vm", vm.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("vm.create");
            assertThat(e.ok()).isTrue();
            assertThat(e.adminName()).isEqualTo(d.tenancy().adminLogin());
        });
    }

    @Test
    void refusesADuplicateNameAndATakenIp() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "same");
        assertThatThrownBy(() -> newVm(d, "same"))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("vm.duplicate");
        assertThatThrownBy(() -> d.tenancy()
                        .as(() -> vms.create(new NewVm(d.user().id(), d.osf().id(), "other", null, vm.ip(), null))))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("vm.ip_taken");
    }

    @Test
    void refusesAddressesOutsideTheVmRangeAndTheHostsOwnAndChangesNothing() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "ranged");
        for (String ip : new String[] {"8.8.8.8", "10.3.0.1", "10.3.255.255", "10.3.0.0"}) {
            assertThatThrownBy(() -> d.tenancy()
                            .as(() ->
                                    vms.create(new NewVm(d.user().id(), d.osf().id(), "x", null, ip, null))))
                    .as(ip)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting("code")
                    .isEqualTo("vm.ip_out_of_range");
            assertThatThrownBy(() ->
                            d.tenancy().as(() -> vms.update(vm.id(), new VmUpdate(null, null, ip, null, null, null))))
                    .as(ip)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting("code")
                    .isEqualTo("vm.ip_out_of_range");
        }
        assertThat(d.tenancy().as(() -> vms.get(vm.id())).ip()).isEqualTo(vm.ip());
        assertThat(d.tenancy()
                        .as(() -> vms.list(
                                new VmFilter(null, d.user().id(), null, null, "x", null, null), PageRequest.first(5)))
                        .total())
                .isZero();
        // a tenant admin's own range cannot leave the VM network either
        d.tenancy().as(() -> config.set(null, "vm.network.ip.start", "8.8.8.1"));
        d.tenancy().as(() -> config.set(null, "vm.network.ip.end", "8.8.8.9"));
        assertThatThrownBy(() -> newVm(d, "outside"))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("vm.ip_range_invalid");
    }

    @Test
    void startsAndStopsAlongTheStateMachineAndRefusesInvalidTransitions() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "cycle");
        VmDto started = d.tenancy().as(() -> vms.start(vm.id()));
        assertThat(started.state().wireName()).isEqualTo("starting");
        assertThat(started.hostId()).isNotNull();
        assertThat(started.currentDiVersion()).isEqualTo("1.0");
        assertThatThrownBy(() -> d.tenancy().as(() -> vms.start(vm.id())))
                .isInstanceOf(VmStateException.class)
                .extracting("code")
                .isEqualTo("vm.invalid_state");
        assertThat(d.tenancy().as(() -> vms.get(vm.id())).state().wireName()).isEqualTo("starting");
        assertThat(scenario.auditOf("vm", vm.id()))
                .extracting(AuditEvent::action, AuditEvent::result)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("vm.start", "vm.invalid_state"),
                        org.assertj.core.groups.Tuple.tuple("vm.start", "ok"));
        assertThat(d.tenancy().as(() -> vms.stop(vm.id())).state().wireName()).isEqualTo("stopping");
        assertThatThrownBy(() -> d.tenancy().as(() -> vms.stop(vm.id()))).isInstanceOf(VmStateException.class);
        assertThat(d.tenancy()
                        .as(() -> vms.history(vm.id(), PageRequest.first(10)))
                        .items())
                .extracting(h -> h.toState().wireName())
                .containsExactly("stopping", "starting");
    }

    @Test
    void refusesToStartABlockedVmAndToDisconnectNobody() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "blocked");
        assertThat(d.tenancy().as(() -> vms.block(vm.id())).blocked()).isTrue();
        assertThatThrownBy(() -> d.tenancy().as(() -> vms.start(vm.id())))
                .isInstanceOf(VmStateException.class)
                .extracting("code")
                .isEqualTo("vm.blocked");
        assertThat(d.tenancy().as(() -> vms.unblock(vm.id())).blocked()).isFalse();
        assertThatThrownBy(() -> d.tenancy().as(() -> vms.disconnect(vm.id()))).isInstanceOf(VmStateException.class);
    }

    @Test
    void deletesOnlyAStoppedVm() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "gone");
        d.tenancy().as(() -> vms.start(vm.id()));
        assertThatThrownBy(() -> d.tenancy().as(() -> {
                    vms.delete(vm.id(), false);
                    return null;
                }))
                .isInstanceOf(VmStateException.class);
        d.tenancy().as(() -> vms.stop(vm.id()));
        testVms.report(vm.id(), org.qvd.vmas.vm.entity.VmState.STOPPED, null);
        d.tenancy().as(() -> {
            vms.delete(vm.id(), false);
            return null;
        });
        assertThat(d.tenancy()
                        .as(() -> vms.list(
                                new VmFilter(null, d.user().id(), null, null, "gone", null, null),
                                PageRequest.first(5)))
                        .total())
                .isZero();
    }

    @Test
    void refusesANewVmWhenTheTenantsIpRangeIsExhausted() throws Exception {
        Desk d = desk();
        int net = ThreadLocalRandom.current().nextInt(100, 255);
        d.tenancy().as(() -> config.set(null, "vm.network.ip.start", "10.3." + net + ".1"));
        d.tenancy().as(() -> config.set(null, "vm.network.ip.end", "10.3." + net + ".2"));
        assertThat(newVm(d, "a").ip()).isEqualTo("10.3." + net + ".1");
        assertThat(newVm(d, "b").ip()).isEqualTo("10.3." + net + ".2");
        assertThatThrownBy(() -> newVm(d, "c"))
                .isInstanceOf(IpRangeExhaustedException.class)
                .extracting("code")
                .isEqualTo("vm.ip_exhausted");
    }

    @Test
    void drivesTheL7rFlowThroughTheRuntimeService() throws Exception {
        Desk d = desk();
        VmDto vm = newVm(d, "l7r");
        d.tenancy().as(() -> properties.set(PropertyOwner.OSF, d.osf().id(), "qvd.client.keyboard", "us"));
        d.tenancy().as(() -> properties.set(PropertyOwner.VM, vm.id(), "qvd.client.keyboard", "es"));
        UserDto alice = authentication.authenticate("alice@" + d.tenancy().tenantName(), "Alice-Pw-long-1");
        assertThat(authentication.listVms(alice.id()))
                .containsExactly(new UserVmDto(vm.id(), "l7r", org.qvd.protocol.state.VmState.STOPPED, false));
        assertThat(runtime.requestStart(vm.id()).state().wireName()).isEqualTo("starting");
        runtime.userConnecting(vm.id());
        assertThatThrownBy(() -> runtime.userConnected(vm.id())).isInstanceOf(VmStateException.class);
        assertThat(testVms.running(vm.id(), vm.ip()).state().wireName()).isEqualTo("running");
        assertThat(runtime.userConnected(vm.id()).userState().wireName()).isEqualTo("connected");
        assertThat(d.tenancy().as(() -> vms.disconnect(vm.id())).userState().wireName())
                .isEqualTo("connected");
        assertThat(runtime.userDisconnected(vm.id()).userState().wireName()).isEqualTo("disconnected");
        assertThat(authentication.listVms(alice.id()))
                .extracting(UserVmDto::state)
                .containsExactly(org.qvd.protocol.state.VmState.RUNNING);
        assertThat(runtime.sessionParameters(vm.id())).containsEntry("qvd.client.keyboard", "es");
        assertThat(scenario.auditOf("vm", vm.id()))
                .anyMatch(e ->
                        e.action().equals("vm.runtime.start") && e.adminName().equals("system@*") && e.ok());
    }
}
