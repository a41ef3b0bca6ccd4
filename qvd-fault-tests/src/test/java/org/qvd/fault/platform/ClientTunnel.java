package org.qvd.fault.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.qvd.testsupport.L7rWire;

/**
 * A QVD client's connection through the L7R, as the wire protocol has it: TLS, {@code connect_to_vm} with
 * {@code Upgrade: QVD/1.0}, interim {@code 102}s, {@code 101}, then raw bytes both ways (nothing checks the
 * server's certificate: this client proves what the tunnel carries, not who the server is).
 */
public final class ClientTunnel implements AutoCloseable {

    private final L7rWire wire;

    private ClientTunnel(L7rWire wire) {
        this.wire = wire;
    }

    /** Connects to the VM and returns once the L7R switched protocols; fails with the L7R's final answer otherwise. */
    public static ClientTunnel open(int l7rPort, String login, String password, long vmId) throws IOException {
        L7rWire wire = L7rWire.to(l7rPort).connectTimeout(30_000).open();
        wire.send("GET /qvd/connect_to_vm?id=" + vmId + "&qvd.client.link=adsl&qvd.client.os=linux"
                + "&qvd.client.geometry=1024x768 HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + L7rWire.basic(login, password) + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
        List<L7rWire.Response> answers;
        try {
            answers = wire.readUntilFinal();
        } catch (IOException e) {
            wire.close();
            throw e;
        }
        L7rWire.Response last = answers.get(answers.size() - 1);
        if (last.status() != 101) {
            wire.close();
            throw new IOException(
                    "the L7R answered '" + last.statusLine() + "' " + String.join("; ", last.headerLines()));
        }
        return new ClientTunnel(wire);
    }

    /** Writes {@code text} into the tunnel and reads as many bytes back; true when they are the same. */
    public boolean echoes(String text, int timeoutMillis) {
        byte[] sent = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            wire.soTimeout(timeoutMillis);
            wire.write(sent);
            return Arrays.equals(sent, wire.input().readNBytes(sent.length));
        } catch (IOException e) {
            return false;
        }
    }

    /** The tunnel's raw input after the 101, without a read timeout (a desktop may be idle for long). */
    public InputStream input() throws IOException {
        wire.soTimeout(0);
        return wire.input();
    }

    public OutputStream output() {
        return wire.output();
    }

    @Override
    public void close() throws IOException {
        wire.close();
    }
}
