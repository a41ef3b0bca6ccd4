package org.qvd.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client's network as the test controls it: a TCP forwarder on the loopback to a server port (TLS passes through
 * untouched) that counts the bytes each way and can {@link #cut()} (every connection reset: a short network loss the
 * client notices; with an outage, new connections are refused for that long too) or {@link #freeze()} (from then on no
 * byte passes either way and nothing is closed, as when a laptop sleeps or a NAT forgets the flow: no FIN, no reset
 * reaches the server).
 */
public final class TestNetworkLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong toClient = new AtomicLong();
    private final AtomicLong toServer = new AtomicLong();
    private volatile boolean frozen;
    /** Wall-clock millis until which connections are refused (0: never). */
    private volatile long downUntil;

    /** Listens on {@code port} of the loopback (0: any) and forwards each connection to {@code target} there. */
    public TestNetworkLink(int port, int target) throws IOException {
        this.target = target;
        listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "test-network-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Bytes the server sent towards the client so far (TLS records included: what the user's line carries). */
    public long bytesToClient() {
        return toClient.get();
    }

    public long bytesToServer() {
        return toServer.get();
    }

    /** No byte passes any more, in either direction; every connection stays open. */
    public void freeze() {
        frozen = true;
    }

    /** Resets every open connection; new ones pass again at once. */
    public void cut() {
        cut(Duration.ZERO);
    }

    /** Resets every open connection and refuses new ones for {@code outage}. */
    public void cut(Duration outage) {
        downUntil = System.currentTimeMillis() + outage.toMillis();
        for (Socket socket : open) {
            reset(socket);
        }
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (System.currentTimeMillis() < downUntil) {
                    reset(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                pump(client, server, toServer);
                pump(server, client, toClient);
            } catch (IOException e) {
                // closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
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
                            counter.addAndGet(n);
                        }
                        holdWhileFrozen();
                        // the sender finished: pass the half-close on, keep the other direction flowing
                        to.shutdownOutput();
                        if (to.isInputShutdown() || from.isOutputShutdown()) {
                            closeBoth(from, to);
                        }
                    } catch (IOException e) {
                        closeBoth(from, to); // one side went (or was cut): both go
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "test-network-link-pump");
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

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            reset(socket);
        }
    }
}
