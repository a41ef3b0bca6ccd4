package org.qvd.fault.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.fault.platform.BrokerRelay;
import org.qvd.fault.platform.DesktopVm;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Probe;
import org.qvd.fault.platform.RelayedAgent;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.QvdSystem;

/**
 * The part of fault 3 about commands persisted in the broker: a host agent ({@link RelayedAgent}, host
 * {@value #HOST}) takes a command and acknowledges it, but the acknowledgement never reaches the broker before WildFly
 * dies ({@link BrokerRelay} swallows what the agent sends from the moment the command is asked for). The broker's
 * journal still holds the command, so the restarted broker delivers it again: the agent must recognise the copy
 * and not execute it twice, and the admin must see the VM end {@code stopped}.
 */
final class LostAcknowledgement implements AutoCloseable {

    static final String HOST = "relayed-node";
    private static final Pattern RECEIVED = Pattern.compile("received StopVm (\\S+)");

    private final QvdSystem system;
    private final Probe probe;
    private final AdminApi api;
    private final BrokerRelay relay;
    private final RelayedAgent agent;
    private DesktopVm vm;
    private String correlation;

    LostAcknowledgement(QvdSystem system, Probe probe, Path dir) throws Exception {
        this.system = system;
        this.probe = probe;
        this.api = new AdminApi(system, FaultSystem.SUPERADMIN_PASSWORD);
        relay = BrokerRelay.start(0, system.httpsPort());
        agent = RelayedAgent.start(system, HOST, relay, dir);
    }

    /** Before the kill: the admin stops a VM of the host; the agent takes the StopVm, the broker never hears back. */
    void commandTakenButNotAcknowledged() throws Exception {
        probe.await(
                "host " + HOST + " running",
                Duration.ofSeconds(90),
                () -> probe.hostState(HOST).filter("running"::equals).isPresent());
        // the command must outlive the server's restart (minutes on a busy machine) rather than expire in the broker
        api.put("/config/internal.hkd.command.timeout", Map.of("value", "900"));
        vm = DesktopVm.create(system);
        // cut first: the agent's next heartbeat (it runs no domain of the VM) would have the VMAS settle it stopped
        relay.holdAgentBytes();
        vm.runningOn(system, HOST);
        JsonNode stopping = api.post("/vms/" + vm.vmId() + "/stop", Map.of());
        assertThat(stopping.path("state").asText()).as("%s", stopping).isEqualTo("stopping");
        probe.await(
                "the agent takes the StopVm (see " + agent.log() + ")",
                Duration.ofSeconds(30),
                () -> !agent.logLines("received StopVm").isEmpty());
        Matcher m = RECEIVED.matcher(agent.logLines("received StopVm").get(0));
        assertThat(m.find()).isTrue();
        correlation = m.group(1);
        long held = relay.heldBytes();
        probe.await(
                "the agent's acknowledgement and report swallowed",
                Duration.ofSeconds(10),
                () -> relay.heldBytes() > held);
        assertThat(vmState()).as("the VMAS never heard the agent's report").isEqualTo("stopping");
    }

    /** After the restart: the copy is delivered, recognised, not executed; the VM ends stopped. */
    Duration copyRecognisedAndNotExecutedTwice() {
        Instant asked = Instant.now();
        // its broker rights must have survived the restart, as the local agent's do
        probe.await(
                "host " + HOST + "'s agent registered again (see " + agent.log() + ")",
                Duration.ofSeconds(60),
                () -> agent.logLines("registered host " + HOST).size() > 1);
        probe.await(
                "the restarted broker delivers StopVm " + correlation + " again and the agent recognises it (see "
                        + agent.log() + ")",
                Duration.ofSeconds(30),
                () -> !agent.logLines("ignored StopVm " + correlation).isEmpty());
        Duration took = Duration.between(asked, Instant.now());
        List<String> ignored = agent.logLines("ignored StopVm " + correlation);
        assertThat(ignored.get(0)).contains("delivered again").contains("not executed twice");
        assertThat(agent.logLines("received StopVm " + correlation))
                .as("executed once")
                .hasSize(1);
        probe.await("VM " + vm.vmId() + " stopped", Duration.ofSeconds(60), () -> "stopped".equals(vmState()));
        assertThat(agent.alive()).isTrue();
        return took;
    }

    private String vmState() {
        return api.get("/vms/" + vm.vmId()).path("state").asText();
    }

    @Override
    public void close() throws Exception {
        agent.close();
        relay.close();
    }
}
