package org.qvd.client.standin;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.qvd.client.nx.control.NxViewer;
import org.qvd.client.session.entity.Link;

/**
 * Stand-in for nxproxy in tests that check forwarding alone: connects to the client's local port like
 * nxproxy would, pushes a payload, reads back what the far side echoes, then closes (or waits for a drop).
 */
public final class EchoViewer implements NxViewer {

    /** What one started viewer saw. */
    public record Seen(int port, String cookie, Link link, String echoed) {}

    private final String payload;
    private final int sessionsWaitingForDrop;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** A viewer that closes right after the echo, like a user closing the desktop window. */
    public EchoViewer(String payload) {
        this(payload, 0);
    }

    /** The first {@code sessionsWaitingForDrop} sessions stay open until the server drops them. */
    public EchoViewer(String payload, int sessionsWaitingForDrop) {
        this.payload = payload;
        this.sessionsWaitingForDrop = sessionsWaitingForDrop;
    }

    public List<Seen> seen() {
        return seen;
    }

    @Override
    public RunningViewer start(int localPort, String cookie, Link link) {
        Thread thread = new Thread(() -> talk(localPort, cookie, link), "stand-in-viewer");
        thread.setDaemon(true);
        thread.start();
        return new RunningViewer() {
            @Override
            public boolean alive() {
                return thread.isAlive();
            }

            @Override
            public String diagnostics() {
                return "stand-in viewer";
            }

            @Override
            public void close() {
                thread.interrupt();
            }
        };
    }

    private void talk(int port, String cookie, Link link) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(payload.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] echo = in.readNBytes(payload.getBytes(StandardCharsets.UTF_8).length);
            seen.add(new Seen(port, cookie, link, new String(echo, StandardCharsets.UTF_8)));
            if (seen.size() <= sessionsWaitingForDrop) {
                in.readAllBytes(); // until the server side drops
            }
        } catch (IOException e) {
            seen.add(new Seen(port, cookie, link, "failed: " + e));
        }
    }
}
