package org.qvd.system.l7r;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client's network as the test controls it: a TCP forwarder to a server port (TLS passes through untouched) that
 * can {@link #freeze()}: from then on no byte passes either way and nothing is closed, as when a laptop sleeps or a
 * NAT forgets the flow (no FIN, no reset reaches the server); or {@link #cut()}: every connection is reset.
 */
final class FreezableLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean frozen;

    FreezableLink(int port, int target) throws IOException {
        this.target = target;
        listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "freezable-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** No byte passes any more, in either direction; every connection stays open. */
    void freeze() {
        frozen = true;
    }

    /** Resets every open connection (a short network loss the client notices); new ones pass again. */
    void cut() {
        for (Socket socket : open) {
            open.remove(socket);
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[32 * 1024];
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            holdWhileFrozen();
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                        holdWhileFrozen();
                    } catch (IOException e) {
                        // one side went: both go (below)
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    closeBoth(from, to);
                },
                "freezable-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void holdWhileFrozen() throws InterruptedException {
        while (frozen && !listener.isClosed()) {
            Thread.sleep(100);
        }
    }

    private void closeBoth(Socket a, Socket b) {
        if (frozen && !listener.isClosed()) {
            return; // a frozen network closes nothing
        }
        for (Socket socket : new Socket[] {a, b}) {
            open.remove(socket);
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
