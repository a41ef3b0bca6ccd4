package org.qvd.cluster.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STAND-IN for a running VM (no hypervisor in this tier): a stand-in VMA (JDK HTTP server: the first
 * {@code x_start} provisions, later ones resume, as the real VMA does for a suspended session) and a stand-in NX
 * agent holding ONE session: every tunnel to it first receives everything the earlier tunnels typed into it, then
 * echoes. So a client that reconnects sees whether it got the same session back. The VM's runtime row is pointed at
 * both by SQL ({@code running}, address 127.0.0.1), as the system tier's stand-in VM tests do.
 */
public final class StandInDesktop implements AutoCloseable {
    private final HttpServer vma;
    private final ServerSocket nx;
    private final StringBuffer transcript = new StringBuffer();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Db db;
    private final long vmId;

    public StandInDesktop(Db db, long vmId) throws IOException {
        this.db = db;
        this.vmId = vmId;
        vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            boolean start = exchange.getRequestURI().getPath().endsWith("x_start");
            String answer = start
                    ? (starts.incrementAndGet() == 1 ? "{\"state\":\"provisioning\",\"resumed\":false}"
                            : "{\"state\":\"listening\",\"resumed\":true}")
                    : "{\"state\":\"" + (polls.incrementAndGet() < 2 ? "starting" : "listening") + "\",\"resumed\":false}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
        nx = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptAll, "stand-in-nx");
        acceptor.setDaemon(true);
        acceptor.start();
        db.update("UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', vma_port = ?, "
                + "x_port = ? WHERE vm_id = ?", vma.getAddress().getPort(), nx.getLocalPort(), vmId);
    }

    private void acceptAll() {
        while (!nx.isClosed()) {
            try {
                Socket tunnel = nx.accept();
                Thread t = new Thread(() -> serve(tunnel), "stand-in-nx-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket tunnel) {
        try (tunnel; InputStream in = tunnel.getInputStream(); OutputStream out = tunnel.getOutputStream()) {
            out.write(("SESSION[" + transcript + "]\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buf = new byte[4096];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                transcript.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // the L7R ended the tunnel
        }
    }

    @Override
    public void close() {
        vma.stop(0);
        try {
            nx.close();
        } catch (IOException e) {
            // closing anyway
        }
        db.update("UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, vma_port = NULL, "
                + "x_port = NULL WHERE vm_id = ?", vmId);
    }
}
