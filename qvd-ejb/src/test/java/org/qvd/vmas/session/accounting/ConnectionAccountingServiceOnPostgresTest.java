package org.qvd.vmas.session.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.image.entity.TagRules;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRuntimeService;
import org.qvd.vmas.vm.entity.Vm;

/** The accounting service's code on a real, migrated PostgreSQL (no container: no audit interceptor). */
class ConnectionAccountingServiceOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void recordsTheOpenTunnelThenItsCloseTimesAndBytes() {
        long vmId = runningVm("acct-a", 1);
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant closed = opened.plusSeconds(42);
        VmDto connected = db.inTransaction(s -> {
            service(s).runtime.userConnecting(vmId);
            return service(s).tunnelOpened(vmId, opened, "l7r-1");
        });
        assertThat(connected.userState().wireName()).isEqualTo("connected");
        assertThat(connected.lastConnectedAt()).isEqualTo(opened);
        assertThat(connected.lastDisconnectedAt()).isNull();

        db.inTransaction(s -> service(s).tunnelClosed(vmId, opened, closed, 1234, 567890, "l7r-1"));

        VmDto after = db.inTransaction(s -> VmDto.of(s.find(Vm.class, vmId)));
        assertThat(after.userState().wireName()).isEqualTo("disconnected");
        assertThat(after.lastConnectedAt()).isEqualTo(opened);
        assertThat(after.lastDisconnectedAt()).isEqualTo(closed);
        assertThat(after.lastBytesFromClient()).isEqualTo(1234L);
        assertThat(after.lastBytesToClient()).isEqualTo(567890L);
        assertThat(after.lastConnectionNode()).isEqualTo("l7r-1");
    }

    @Test
    void keepsTheFiguresWhenTheUserWasAlreadyDisconnected() {
        long vmId = runningVm("acct-b", 2);
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MICROS);
        VmDto after = db.inTransaction(s -> service(s).tunnelClosed(vmId, opened, opened.plusSeconds(1), 1, 2, "n"));
        assertThat(after.userState().wireName()).isEqualTo("disconnected");
        assertThat(after.lastBytesToClient()).isEqualTo(2L);
    }

    @Test
    void aStaleHolderTakenOverEndsNowWithUnknownBytes() {
        long vmId = runningVm("acct-c", 3);
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.inTransaction(s -> {
            service(s).runtime.userConnecting(vmId);
            return service(s).tunnelOpened(vmId, opened, "dead-node");
        });
        Instant cleared = opened.plusSeconds(5);
        VmDto after = db.inTransaction(s -> service(s).connectionDropped(vmId, cleared));
        assertThat(after.userState().wireName()).isEqualTo("disconnected");
        assertThat(after.lastConnectedAt()).isEqualTo(opened);
        assertThat(after.lastDisconnectedAt()).isEqualTo(cleared);
        assertThat(after.lastBytesFromClient()).isNull();
        assertThat(after.lastConnectionNode()).isEqualTo("dead-node");
    }

    @Test
    void aVmNeverConnectedHasNoLastConnection() {
        long vmId = runningVm("acct-d", 4);
        VmDto vm = db.inTransaction(s -> VmDto.of(s.find(Vm.class, vmId)));
        assertThat(vm.lastConnectedAt()).isNull();
        assertThat(vm.lastBytesFromClient()).isNull();
    }

    private static ConnectionAccountingService service(Session s) {
        ConnectionAccountingService service = new ConnectionAccountingService();
        service.em = s;
        service.runtime = new VmRuntimeService();
        JpaOnPostgres.inject(service.runtime, "em", s);
        return service;
    }

    /** A tenant, user, OSF, DI, host and a VM running on it; {@code n} keeps addresses apart. */
    private static long runningVm(String name, int n) {
        return db.inTransaction(s -> {
            Tenant tenant = new Tenant(name, null);
            s.persist(tenant);
            AppUser user = new AppUser(tenant, "alice", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
            s.persist(osf);
            Di di = TagRules.addDi(osf, "1.0", name + ".qcow2", null, false);
            s.persist(di);
            Host host = new Host(name, "192.0.2." + (10 + n), null);
            s.persist(host);
            Vm vm = new Vm(user, osf, "desk", null, "10.3.99." + n, null);
            s.persist(vm);
            s.persist(vm.start(Instant.now()));
            vm.getRuntime().placeOn(host, di, null, Instant.now());
            s.persist(vm.getRuntime().running("10.3.15.10", 3030, 4100, 22, Instant.now()));
            return vm.getId();
        });
    }
}
