package org.qvd.guest.browser;

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
 * The browser's network: a TCP forwarder between Chromium and the server's HTTPS port (TLS passes through untouched)
 * that counts the bytes each way and can be cut like a short network loss: every open connection is reset and new
 * ones are refused for a while.
 */
final class CuttableLink implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong toBrowser = new AtomicLong();
    private final AtomicLong toServer = new AtomicLong();
    /** Wall-clock millis until which connections are refused (0: never; nanoTime may be negative). */
    private volatile long downUntil;

    CuttableLink(int port, int target) throws IOException {
        this.target = target;
        listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "cuttable-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes the server sent towards the browser so far (TLS records included: what the user's line carries). */
    long bytesToBrowser() {
        return toBrowser.get();
    }

    long bytesToServer() {
        return toServer.get();
    }

    /** Resets every open connection and refuses new ones for {@code outage}. */
    void cut(Duration outage) {
        downUntil = System.currentTimeMillis() + outage.toMillis();
        for (Socket socket : open) {
            reset(socket);
        }
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                if (System.currentTimeMillis() < downUntil) {
                    reset(browser);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browser);
                open.add(server);
                pump(browser, server, toServer);
                pump(server, browser, toBrowser);
            } catch (IOException e) {
                // closed, or the server refused: the browser sees its connection fail
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
                            out.write(buffer, 0, n);
                            out.flush();
                            counter.addAndGet(n);
                        }
                        // the sender finished: pass the half-close on, keep the other direction flowing
                        to.shutdownOutput();
                        if (to.isInputShutdown() || from.isOutputShutdown()) {
                            close(from, to);
                        }
                    } catch (IOException e) {
                        close(from, to); // one side went (or was cut): both go
                    }
                },
                "cuttable-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket a, Socket b) {
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
