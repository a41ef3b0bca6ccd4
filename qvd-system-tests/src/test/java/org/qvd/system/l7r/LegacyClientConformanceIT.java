package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.RealVma;
import org.qvd.testsupport.RequiredResource;

/**
 * QVD 4's clients against the system as {@code ./qvd run} starts it, with their requests <em>byte for byte</em> as
 * shared/reference/qvd-client-wire.md captured them (§2, §3; the Qt client's from §9): no NX cookie, parameters in
 * the Perl client's random orders, bare LF. The VM is the real VMA with a real nxagent on this machine
 * ({@link RealVma}); after {@code 101} the Perl client's nxproxy's first bytes go through and nxagent's own NX
 * answer comes back — nxagent accepted a proxy without cookie. The guest tier does the same with a booted desktop.
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyClientConformanceIT {

    /** nxproxy 3.5.99.26's first bytes after the 101 (§5): 49 bytes, a trailing space, no newline. */
    static final String NXPROXY_HELLO = "NXPROXY-3.5.0-3.5.99 stream=default,data=default ";

    private static final String PERL_AGENT = "User-Agent: QVD::HTTPC/0.01 (linux)";

    private QvdSystem system;
    private VmasData data;
    private VmasData.User user;
    private long vm;
    private RealVma vma;
    private String basic;

    @BeforeAll
    void realVm(QvdSystem running) throws Exception {
        RequiredResource.present(RealVma.missing("nxagent"));
        system = running;
        data = new VmasData(system);
        user = data.user();
        vm = data.vm(user);
        basic = L7rWire.basic(user.login(), VmasData.USER_PASSWORD);
        vma = RealVma.start(Path.of("target", "legacy-client-vma").toAbsolutePath())
                .runningAs(data.row(system, vm));
    }

    @AfterAll
    void stopVma() throws Exception {
        if (vma != null) {
            vma.close();
        }
    }

    /** §2: the list request of the Perl CLI. */
    static String perlList(String authorization) {
        return "GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n"
                + PERL_AGENT + "\r\n\r\n";
    }

    /** §3: the 540-byte capture, only the VM id and the credentials being this test's. */
    static String perlConnectAsCaptured(String authorization, long vmId) {
        return "GET /qvd/connect_to_vm?qvd.client.fullscreen=&qvd.client.audio.redirect.server=&qvd.client.audio."
                + "redirect.port=&qvd.client.audio.redirect.enable=0&qvd.client.keyboard=pc105%2Fes&qvd.client.geometry="
                + "1024x768&qvd.client.usb.enabled=0&qvd.client.audio.compression.enable=1&qvd.client.os=linux&id="
                + vmId + "&qvd.client.nxagent.extra_args=&qvd.client.usb.implementation=USBIP&qvd.client.printing."
                + "enabled=1&qvd.client.link=adsl HTTP/1.1\r\nAuthorization: " + authorization + "\r\nConnection: "
                + "Upgrade\r\nUpgrade: QVD/1.0\r\n" + PERL_AGENT + "\r\n\r\n";
    }

    /** The same 14 keys in another of the orders Perl's hashes give (id first, then last). */
    static String perlConnectReordered(String authorization, long vmId) {
        return "GET /qvd/connect_to_vm?id=" + vmId + "&qvd.client.link=adsl&qvd.client.os=linux&qvd.client."
                + "printing.enabled=1&qvd.client.audio.redirect.port=&qvd.client.geometry=1024x768&qvd.client.usb."
                + "implementation=USBIP&qvd.client.fullscreen=&qvd.client.audio.compression.enable=1&qvd.client."
                + "nxagent.extra_args=&qvd.client.keyboard=pc105%2Fes&qvd.client.audio.redirect.enable=0&qvd.client."
                + "usb.enabled=0&qvd.client.audio.redirect.server= HTTP/1.1\r\nAuthorization: " + authorization
                + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n" + PERL_AGENT + "\r\n\r\n";
    }

    /** §9: the Qt client, bare LF, its fixed parameter order, no Host. */
    static String qtConnect(String authorization, long vmId) {
        return "GET /qvd/connect_to_vm?id=" + vmId + "&qvd.client.type=qt&qvd.client.keyboard=pc105%2Fus&qvd.client."
                + "os=linux&qvd.client.nxagent.extra_args=&qvd.client.geometry=1280x800&qvd.client.fullscreen=0&qvd."
                + "client.printing.enabled=0&qvd.client.usb.enabled=0&qvd.client.usb.implementation=usbip&qvd.client."
                + "link=adsl&qvd.client.audio.sound.enable=0&qvd.client.audio.microphone.enable=0&qvd.client.audio."
                + "compression.enable=1&qvd.client.timezone=Europe%2FMadrid HTTP/1.1\nAuthorization: " + authorization
                + "\nUser-Agent: QVDClient Qt/0.01 (Linux)\nConnection: Upgrade\nUpgrade: QVD/1.0\n\n";
    }

    /** Contract C1: the VM's agent answers nobody without its key; the L7R's calls (all tests here) carry it. */
    @Test
    void theVmsAgentRefusesCallsWithoutItsKey() throws Exception {
        java.net.http.HttpResponse<String> refused = vma.call("/vma/x_state", false);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\":\"vma.key_required\"");
        assertThat(vma.call("/vma/x_state", true).statusCode()).isEqualTo(200);
    }

    @Test
    void perlClientInTheCapturedOrderGetsADesktopSessionWithoutCookie() throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(perlList(basic));
            L7rWire.Response list = wire.read();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + vm);
            connectAndShakeHands(wire, perlConnectAsCaptured(basic, vm), "Perl, captured order");
        }
        assertThat(vma.nxagentOptions())
                .as("no cookie, the L7R's address only")
                .doesNotContain("cookie=")
                .contains("accept=127.0.0.1");
        awaitDisconnected();
    }

    @Test
    void perlClientInAnotherOrderAndTheQtClientWithBareLineFeedsGetOneToo() throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(perlList(basic));
            assertThat(wire.read().status()).isEqualTo(200);
            connectAndShakeHands(wire, perlConnectReordered(basic, vm), "Perl, another order");
        }
        awaitDisconnected();
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            connectAndShakeHands(wire, qtConnect(basic, vm), "Qt, bare LF");
        }
        awaitDisconnected();
    }

    /**
     * A request the VM's agent refuses must not end a working session: the first client keeps its tunnel, and the
     * refusal names the parameter.
     */
    @Test
    void aRequestThatWouldFailTakesNothingOverAndItsErrorNamesTheParameter() throws Exception {
        try (L7rWire first = L7rWire.open(system.l7rPort())) {
            connectAndShakeHands(first, perlConnectAsCaptured(basic, vm), "Perl, first client");
            String sessionBefore = vma.xState();
            try (L7rWire second = L7rWire.open(system.l7rPort())) {
                second.send(perlConnectAsCaptured(basic, vm)
                        .replace("qvd.client.keyboard=pc105%2Fes", "qvd.client.keyboard=pc105%2F..%2Fes"));
                List<L7rWire.Response> answers = second.readUntilFinal();
                L7rWire.Response refused = answers.get(answers.size() - 1);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.body())
                        .contains("refused the session (400): qvd.client.keyboard expected " + "model/layout");
                assertThat(answers)
                        .extracting(r -> r.header("X-QVD-VM-Info"))
                        .doesNotContain("Taking over the session from another client");
            }
            assertThat(vma.xState()).as("the first client's session").isEqualTo(sessionBefore);
            assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connected");
            first.soTimeout(1500);
            assertThatThrownBy(() -> first.readExactly(1))
                    .as("the first tunnel is still open")
                    .isInstanceOf(SocketTimeoutException.class);
        }
        awaitDisconnected();
    }

    /** Sends a connect, expects 102s then 101 with a slave key, then the NX handshake through the tunnel. */
    private void connectAndShakeHands(L7rWire wire, String request, String who) throws Exception {
        long start = System.nanoTime();
        wire.send(request);
        List<L7rWire.Response> answers = wire.readUntilFinal();
        L7rWire.Response last = answers.get(answers.size() - 1);
        assertThat(last.statusLine()).as(who + ": " + last.body()).isEqualTo("HTTP/1.1 101 Switching Protocols");
        assertThat(last.header("X-QVD-Slave-Key")).as(who).matches("[A-Za-z0-9]{64}");
        System.out.printf(
                "LegacyClientConformanceIT: %s: 101 after %d ms, %d interim 102s%n",
                who, Duration.ofNanos(System.nanoTime() - start).toMillis(), answers.size() - 1);
        wire.write(NXPROXY_HELLO.getBytes(StandardCharsets.US_ASCII));
        StringBuilder answer = new StringBuilder();
        while (!answer.toString().endsWith("cachelist=none ")) {
            answer.append((char) wire.readExactly(1)[0]);
        }
        // nxagent accepted a proxy without cookie and negotiates with the client's link (qvd.client.link=adsl)
        assertThat(answer.toString()).as(who + ": nxagent's NX answer").startsWith("NXPROXY-3.5.0-3.5.99 link=ADSL,");
    }

    private void awaitDisconnected() throws Exception {
        data.awaitUserState(vm, "disconnected");
        // a session whose proxy left before any X traffic is aborted by nxagent (a desktop's would be suspended)
        vma.awaitXState(Duration.ofSeconds(30), "stopped", "suspended");
    }
}
