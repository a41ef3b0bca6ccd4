package org.qvd.desktop.session.control;

import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.qvd.l7r.session.entity.ConnectionTraffic;

/**
 * The TCP side of one relay: the VM's VNC server. Bytes from the VM go to the browser as binary WebSocket messages
 * (one per read, in order, from one thread); the browser's go to the VM as they come. Counts both for accounting.
 */
public final class VncTunnel {
    private final Socket socket;
    private final Session browser;
    private final OutputStream toVm;
    private final Instant openedAt = Instant.now();
    private final AtomicLong fromBrowser = new AtomicLong();
    private final AtomicLong toBrowser = new AtomicLong();

    private VncTunnel(Socket socket, Session browser) throws IOException {
        this.socket = socket;
        this.browser = browser;
        this.toVm = socket.getOutputStream();
    }

    public static VncTunnel open(InetSocketAddress vnc, Session browser) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(vnc, 5000);
        return new VncTunnel(socket, browser);
    }

    public Instant openedAt() {
        return openedAt;
    }

    /**
     * Copies the VM's bytes to the browser until either side ends, then runs {@code ended}. A browser that takes no
     * bytes for {@code sendTimeout} (gone without a FIN: its TCP window stays shut) ends the relay too, rather than
     * holding this thread in a write that the kernel would retry for many minutes.
     */
    public void pump(Duration sendTimeout, Runnable ended) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                Future<Void> sent;
                synchronized (browser) { // one send started at a time on this WebSocket (the keep-alive pings too)
                    sent = browser.getAsyncRemote().sendBinary(ByteBuffer.wrap(buffer, 0, n));
                }
                sent.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                toBrowser.addAndGet(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException | ExecutionException | TimeoutException e) {
            // the browser or the VM went away, or the browser stopped taking bytes: either way the relay ends
        } finally {
            close();
            ended.run();
        }
    }

    public void toVm(ByteBuffer bytes) throws IOException {
        int n = bytes.remaining();
        synchronized (toVm) {
            if (bytes.hasArray()) {
                toVm.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
            } else {
                byte[] copy = new byte[n];
                bytes.get(copy);
                toVm.write(copy);
            }
            toVm.flush();
        }
        fromBrowser.addAndGet(n);
    }

    public ConnectionTraffic traffic() {
        return new ConnectionTraffic(openedAt, fromBrowser.get(), toBrowser.get());
    }

    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
