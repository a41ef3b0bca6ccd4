package org.qvd.l7r.session.boundary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local TCP server standing in for the VM's nxagent: the test drives each accepted socket. */
final class FakeNxAgent implements AutoCloseable {

    private final ServerSocket server;
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    FakeNxAgent() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(
                () -> {
                    try {
                        while (true) {
                            accepted.add(server.accept());
                        }
                    } catch (IOException closed) {
                        // server closed
                    }
                },
                "fake-nxagent");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    Socket nextConnection() throws InterruptedException {
        Socket s = accepted.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the L7R never connected to the NX agent");
        }
        try {
            s.setSoTimeout(10_000);
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
