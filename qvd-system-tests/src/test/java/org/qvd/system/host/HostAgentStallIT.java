package org.qvd.system.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.RequiredResource;

/**
 * Issue 13, the host agent, end to end: the real agent process (libvirt's test driver, so no guest ever boots)
 * against the running VMAS. Guests whose image "does not boot" are VMs whose VMA never answers; the one guest
 * that boots is a VM whose address is this machine, where a stand-in VMA answers. What the admin sees is read
 * through the REST API. The stand-in guest's address is put on this machine's loopback: needs root.
 */
@ExtendWith(RunningSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostAgentStallIT {

    private static final String HOST = "stall-node";
    private static final int START_TIMEOUT_S = 25;
    /** The one guest that "boots": its VMA is a stand-in on this address, added to this machine's loopback. */
    private static final String GOOD_IP = "10.3.15.249";

    private static AgentFarm farm;
    private static HttpServer vma;
    private static final List<String> vmaKeys = new CopyOnWriteArrayList<>();
    private static long[] unbootable;
    private static long[] bootable;
    private static long[] missingOnHost;
    private static long[] ten;

    @BeforeAll
    static void startAgent(QvdSystem system) throws Exception {
        RequiredResource.root("the stand-in guest needs the VM address " + GOOD_IP + " on this machine's loopback");
        run("ip", "addr", "replace", GOOD_IP + "/32", "dev", "lo");
        vma = HttpServer.create(new InetSocketAddress(GOOD_IP, 0), 0);
        vma.createContext("/vma/", exchange -> {
            vmaKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-QVD-VMA-Key")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        vma.start();
        farm = new AgentFarm(system, HOST, Path.of("target", "host-agent-stall").toAbsolutePath());
        // the images first: the test driver's image pool is written when the agent starts
        unbootable = farm.tenantUserAndOsf(AgentFarm.standInImage(), true);
        bootable = farm.tenantUserAndOsf(AgentFarm.standInImage(), true);
        missingOnHost = farm.tenantUserAndOsf(AgentFarm.standInImage(), false);
        ten = farm.tenantUserAndOsf(AgentFarm.standInImage(), true);
        farm.startAgent(
                "vma.port=" + vma.getAddress().getPort(),
                "vma.ping-interval=250ms",
                "vma.request-timeout=2s",
                "vma.start-timeout=" + START_TIMEOUT_S + "s");
        farm.awaitHost("running", Duration.ofSeconds(90));
        farm.blockOtherHosts(); // every start of this class must land on the stall node
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (farm != null) {
            farm.close();
        }
        if (vma != null) {
            vma.stop(0);
            run("ip", "addr", "del", GOOD_IP + "/32", "dev", "lo");
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    @Test
    @Order(1)
    void threeUnbootableStartsNeitherDelayAStopNorAnotherTenantsStart() throws Exception {
        long[] tenantA = unbootable;
        List<Long> bad = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long vm = farm.vm(tenantA);
            farm.start(vm);
            bad.add(vm);
        }
        for (long vm : bad) {
            farm.awaitVm(
                    vm, v -> HOST.equals(v.path("hostName").asText()), Duration.ofSeconds(30), "placed on " + HOST);
        }
        Thread.sleep(2_000); // the three guests are "booting" on the host now

        Instant stopAsked = Instant.now();
        farm.stop(bad.get(1));
        long good = farm.vm(bootable, GOOD_IP); // its "guest" is this machine's stand-in VMA
        farm.start(good);

        farm.awaitVm(bad.get(1), v -> "stopped".equals(v.path("state").asText()), Duration.ofSeconds(30), "stopped");
        Duration stopTook = Duration.between(stopAsked, Instant.now());
        JsonNode running =
                farm.awaitVm(good, v -> "running".equals(v.path("state").asText()), Duration.ofSeconds(30), "running");
        System.out.println("stall scenario: stop done " + stopTook.toMillis() + " ms after it was asked; other start "
                + "running " + Duration.between(stopAsked, Instant.now()).toMillis() + " ms after the stop was asked");

        assertThat(stopTook).isLessThan(Duration.ofSeconds(15));
        assertThat(running.path("hostName").asText()).isEqualTo(HOST);
        assertThat(transitions(bad.get(1))).contains("starting>stopping", "stopping>stopped");
        assertThat(farm.vmState(bad.get(0))).isEqualTo("starting");
        assertThat(vmaKeys)
                .as("the booting guest was pinged with its start's VMA key (C1)")
                .isNotEmpty()
                .allMatch(key -> key.matches("[0-9a-f]{64}"));

        // the other two never boot: they fail with the reason the admin reads, when the agent's timeout ends
        for (long vm : List.of(bad.get(0), bad.get(2))) {
            JsonNode failed = farm.awaitVm(
                    vm,
                    v -> "stopped".equals(v.path("state").asText()),
                    Duration.ofSeconds(START_TIMEOUT_S + 30),
                    "stopped after its start timeout");
            assertThat(failed.path("lastFailure").asText())
                    .matches("StartVm failed on host " + HOST + ": VMA not answering after 2[4-6] s");
            assertThat(failed.path("lastFailureAt").isTextual())
                    .as(failed.toString())
                    .isTrue();
        }
    }

    @Test
    @Order(2)
    void aMissingImageIsTheVmsLastFailureInTheAdminsView() throws Exception {
        long vm = farm.vm(missingOnHost); // the VMAS has the file; the host's image store does not

        farm.start(vm);

        JsonNode failed = farm.awaitVm(
                vm,
                v -> "stopped".equals(v.path("state").asText())
                        && !v.path("lastFailure").isNull(),
                Duration.ofSeconds(30),
                "stopped with a failure");
        assertThat(failed.path("lastFailure").asText())
                .startsWith(
                        "StartVm failed on host " + HOST + ": image file missing: " + farm.diPath(missingOnHost[1]));
        assertThat(Instant.parse(failed.path("lastFailureAt").asText()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(farm.vmHistory(vm).path("items").findValuesAsText("reason"))
                .anyMatch(r -> r.contains("image file missing"));
    }

    @Test
    @Order(3)
    void tenConcurrentStartsCostTheAgentNoThreadEach() throws Exception {
        long[] tenant = ten;
        int before = farm.agentThreads();
        List<Long> vms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long vm = farm.vm(tenant);
            farm.start(vm);
            vms.add(vm);
        }
        for (long vm : vms) {
            farm.awaitVm(vm, v -> HOST.equals(v.path("hostName").asText()), Duration.ofSeconds(30), "placed");
        }
        Thread.sleep(3_000); // all ten waiting for their guests
        int during = farm.agentThreads();
        System.out.println(
                "agent threads: " + before + " before, " + during + " while 10 starts wait for their guests");

        assertThat(vms).allMatch(vm -> "starting".equals(farm.vmState(vm)));
        assertThat(during - before).as("threads added by 10 waiting starts").isLessThanOrEqualTo(4);
        for (long vm : vms) {
            farm.stop(vm);
        }
        for (long vm : vms) {
            farm.awaitVm(vm, v -> "stopped".equals(v.path("state").asText()), Duration.ofSeconds(30), "stopped");
        }
    }

    private static List<String> transitions(long vm) {
        List<String> result = new ArrayList<>();
        for (JsonNode h : farm.vmHistory(vm).path("items")) {
            result.add(h.path("fromState").asText() + ">" + h.path("toState").asText());
        }
        return result;
    }
}
