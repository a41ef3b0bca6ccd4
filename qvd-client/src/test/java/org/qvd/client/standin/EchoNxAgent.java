package org.qvd.client.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Stand-in for the VM's nxagent port: a TCP server that records what arrives and sends it back,
 * so a test sees bytes cross the whole path both ways. Closing it drops every connection.
 */
public final class EchoNxAgent implements AutoCloseable {

    private final ServerSocket server;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile Socket current;
    private volatile int connections;

    public EchoNxAgent() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "stand-in-nxagent");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    public int connections() {
        return connections;
    }

    /** Drops the current connection, as a VM that goes away would. */
    public void dropCurrent() throws IOException {
        Socket socket = current;
        if (socket != null) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                current = socket;
                connections++;
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // dropped on purpose or the test ended
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropCurrent();
    }
}
