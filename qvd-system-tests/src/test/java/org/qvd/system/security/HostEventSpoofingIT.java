package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.system.host.AgentFarm;
import org.qvd.system.platform.RunningSystem;

/**
 * Issue 12, "Local machine and broker", its last gap: a compromised hypervisor host holds its own agent's broker
 * account and uses it to report another host's VMs and the other host itself. The victim host runs the real agent
 * (libvirt's test driver) with a VM it is starting (its VMA never answers, so it stays {@code starting}); the attacker
 * is a JMS client with the broker account the server issued for its own host. Events naming the victim, sent to the
 * attacker's own address, are refused by the VMAS (audited, logged once); the victim's address and the shared events
 * queue refuse the attacker's messages at the broker. The victim's VM and host stay as they were.
 */
@ExtendWith(RunningSystem.class)
class HostEventSpoofingIT {

    private static final String VICTIM = "spoof-victim";
    private static final String ATTACKER = "spoof-attacker";
    private static final MessageCodec CODEC = new MessageCodec();
    private static final HostCapacity CAPACITY = new HostCapacity(64, 1, 0, 1, 0.0);

    private static AgentFarm farm;
    private static long victimVm;
    private static String attackerPassword;

    @BeforeAll
    static void victimHostWithAVmStarting(QvdSystem system) throws Exception {
        farm = new AgentFarm(
                system, VICTIM, Path.of("target", "host-event-spoofing").toAbsolutePath());
        long[] userAndOsf = farm.tenantUserAndOsf(AgentFarm.standInImage(), true);
        farm.startAgent();
        farm.awaitHost("running", Duration.ofSeconds(90));
        farm.blockOtherHosts(); // the start must land on the victim host
        victimVm = farm.vm(userAndOsf);
        farm.start(victimVm);
        farm.awaitVm(
                victimVm,
                v -> "starting".equals(v.path("state").asText())
                        && VICTIM.equals(v.path("hostName").asText()),
                Duration.ofSeconds(60),
                "starting on " + VICTIM);
        attackerPassword = system.issueAgentAccount(ATTACKER);
    }

    @AfterAll
    static void stopVictim() {
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    void eventsNamingAnotherHostAreRefusedAuditedAndLoggedOnceAndChangeNothing(QvdSystem system) throws Exception {
        ServerLog log = new ServerLog(system);
        Instant before = Instant.now();
        try (JMSContext attacker = broker(system, "qvd-hkd-" + ATTACKER, attackerPassword)) {
            String own = Destinations.hostEvents(ATTACKER);
            // in its own name the attacker's channel works: its host joins (with no room for any VM)
            send(
                    attacker,
                    own,
                    new HostRegistered(
                            ATTACKER,
                            null,
                            "attacker-agent",
                            "0",
                            "test:///default",
                            "qemu",
                            5_000,
                            CAPACITY,
                            List.of(),
                            List.of("vm")));
            awaitHostKnown(ATTACKER);
            farm.blockOtherHosts();
            String beatBefore = heartbeatAt(ATTACKER);
            // in the victim's name, through its own address: the victim's VM stopped, then running; the victim stopped
            send(attacker, own, new VmStateChanged(VICTIM, null, victimVm, VmState.STOPPED, null, "forged stop"));
            send(attacker, own, new VmStateChanged(VICTIM, null, victimVm, VmState.RUNNING, "10.3.99.99", null));
            send(attacker, own, new HostStateChanged(VICTIM, null, HostState.STOPPED, "forged host stop"));
            // then a heartbeat in its own name: one message group, so the VMAS has handled the three before it
            send(
                    attacker,
                    own,
                    new HostHeartbeat(
                            ATTACKER,
                            null,
                            "attacker-agent",
                            1,
                            HostState.RUNNING,
                            CAPACITY,
                            List.of(),
                            List.of("vm")));
            awaitChange(() -> heartbeatAt(ATTACKER), beatBefore, "the attacker's own heartbeat applied");
        }

        JsonNode refusals =
                farm.get("/audit?action=host.event&from=" + before + "&size=50").path("items");
        assertThat(refusals).as("audited once per sending host and host named").hasSize(1);
        JsonNode entry = refusals.get(0);
        assertThat(entry.path("result").asText()).isEqualTo("host.event_sender_mismatch");
        assertThat(entry.path("objectType").asText()).isEqualTo("host");
        assertThat(entry.path("objectName").asText()).isEqualTo(VICTIM);
        assertThat(entry.path("adminName").asText()).isEqualTo("qvd-hkd-" + ATTACKER);
        assertThat(entry.path("arguments").asText())
                .contains("qvd.events." + ATTACKER)
                .contains(VICTIM);
        assertThat(farm.vmState(victimVm)).as("the victim's VM").isEqualTo("starting");
        assertThat(farm.hostOf(victimVm)).contains(VICTIM);
        assertThat(farm.vmHistory(victimVm).path("items").findValuesAsText("reason"))
                .noneMatch(reason -> reason.contains("forged"));
        assertThat(farm.hostState()).as("the victim host").isEqualTo("running");
        List<String> lines = log.since().stream()
                .filter(l -> l.contains("refused") && l.contains(ATTACKER) && l.contains(VICTIM))
                .toList();
        assertThat(lines)
                .as("one log line for three refused events, saying why")
                .hasSize(1);
        assertThat(lines.get(0)).contains("qvd.events." + ATTACKER).contains("names host " + VICTIM);
    }

    @Test
    void anotherHostsAddressAndTheSharedQueueRefuseTheAgent(QvdSystem system) throws Exception {
        HkdEvent forged = new VmStateChanged(VICTIM, null, victimVm, VmState.STOPPED, null, "forged stop");
        try (JMSContext attacker = broker(system, "qvd-hkd-" + ATTACKER, attackerPassword)) {
            assertThatThrownBy(() -> send(attacker, Destinations.hostEvents(VICTIM), forged))
                    .as("the victim's own address")
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("permission")
                    .hasMessageContaining("qvd.events." + VICTIM);
            assertThatThrownBy(() -> send(attacker, Destinations.EVENTS, forged))
                    .as("the VMAS's queue itself")
                    .isInstanceOf(JMSRuntimeException.class)
                    .hasMessageContaining("permission='SEND'")
                    .hasMessageContaining("jms.queue.qvd.events");
        }
        // the victim's own agent still reports: its heartbeats keep the host running and the VM starting
        String beat = heartbeatAt(VICTIM);
        awaitChange(() -> heartbeatAt(VICTIM), beat, "the victim's next heartbeat");
        assertThat(farm.hostState()).isEqualTo("running");
        assertThat(farm.vmState(victimVm)).isEqualTo("starting");
    }

    private static void send(JMSContext context, String queue, HkdEvent event) {
        Envelope envelope = CODEC.wrap(event);
        TextMessage message = context.createTextMessage(CODEC.encode(envelope));
        try {
            for (Map.Entry<String, String> p : envelope.properties().entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            message.setStringProperty("JMSXGroupID", ATTACKER); // the sender chooses it: one group, in order
            // a sender cannot choose what the VMAS reads as its address: the broker overwrites this
            message.setStringProperty(Destinations.ORIGINAL_ADDRESS, "jms.queue." + Destinations.hostEvents(VICTIM));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        context.createProducer().send(context.createQueue(queue), message);
    }

    private static void awaitHostKnown(String host) throws InterruptedException {
        awaitChange(() -> farm.query("SELECT id FROM host WHERE name = ?", host), null, "host " + host + " registered");
    }

    private static String heartbeatAt(String host) {
        return farm.query(
                "SELECT r.heartbeat_at FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?", host);
    }

    private static void awaitChange(java.util.function.Supplier<String> value, String from, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (java.util.Objects.equals(value.get(), from)) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** A connection as a host agent makes it, failing fast instead of retrying. */
    private static JMSContext broker(QvdSystem system, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(system.brokerUrl(), user, password);
        factory.setEnable1xPrefixes(true);
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(10_000);
        return factory.createContext();
    }
}
