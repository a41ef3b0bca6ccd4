package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/** {@code stop_vm} through the deployed L7R and the VMAS's lifecycle (no hypervisor: states set by SQL). */
@ExtendWith(RunningSystem.class)
class L7rStopVmIT {

    private static String stop(long vm, String login) {
        return "GET /qvd/stop_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: "
                + L7rWire.basic(login, VmasData.USER_PASSWORD) + "\r\n\r\n";
    }

    @Test
    void stoppedVmAnswersMachineStoppedAtOnce(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(stop(vm, user.login()));
            L7rWire.Response r = wire.readUntilFinal().get(0);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("Machine stopped");
        }
    }

    @Test
    void startNoHostHasTakenYetIsStoppedThroughTheLifecycle(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        data.sql(system, "UPDATE vm_runtime SET state = 'starting', state_ts = now() WHERE vm_id = ?", vm);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(stop(vm, user.login()));
            List<L7rWire.Response> answers = wire.readUntilFinal();
            L7rWire.Response last = answers.get(answers.size() - 1);
            assertThat(answers).extracting(r -> r.header("X-QVD-VM-Info")).contains("Stopping virtual machine");
            assertThat(last.status()).as(last.body()).isEqualTo(200);
            assertThat(last.body()).isEqualTo("Machine stopped");
        }
        assertThat(data.vmState(vm).get("state").asText()).isEqualTo("stopped");
    }

    @Test
    void someoneElsesVmIs404(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long othersVm = data.vm(data.user());
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(stop(othersVm, user.login()));
            assertThat(wire.readUntilFinal().get(0).status()).isEqualTo(404);
        }
    }
}
