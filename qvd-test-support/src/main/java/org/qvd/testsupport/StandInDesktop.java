package org.qvd.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STAND-IN for a running VM's guest, on this machine's loopback (the system, cluster and fault tiers boot no
 * guest): a stand-in VMA (JDK HTTP server) and a stand-in NX agent. {@link #runningAs(VmRuntimeRow)} points the
 * VM's runtime row at both, so the real L7R connects a real client to them.
 */
public final class StandInDesktop implements AutoCloseable {

    /** How the stand-in VMA answers. */
    public enum Vma {
        /**
         * As the real VMA: the first {@code x_start} provisions and {@code x_state} reaches {@code listening} on the
         * second poll; later starts resume a suspended session at once.
         */
        PROVISION_THEN_RESUME,
        /** Every call: {@code listening}, nothing resumed. */
        LISTENING
    }

    /** How the stand-in NX agent serves tunnels. */
    public enum Nx {
        /** Echoes every byte of every connection. */
        ECHO,
        /**
         * ONE session: each tunnel first receives {@code SESSION[<all earlier tunnels typed>]\n}, then echoes, so a
         * client that reconnects sees whether it got the same session back.
         */
        ONE_SESSION
    }

    private final List<String> vmaCalls = new CopyOnWriteArrayList<>();
    private final StringBuffer transcript = new StringBuffer();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final Vma vmaStyle;
    private final Nx nxStyle;
    private final HttpServer vma;
    private final ServerSocket nx;
    private VmRuntimeRow row;
    private volatile int vncPort = -1;

    private StandInDesktop(Vma vmaStyle, Nx nxStyle) throws IOException {
        this.vmaStyle = vmaStyle;
        this.nxStyle = nxStyle;
        vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            URI uri = exchange.getRequestURI();
            vmaCalls.add(URLDecoder.decode(
                    uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    StandardCharsets.UTF_8));
            byte[] body = (uri.getPath().endsWith("vnc_start")
                            ? vncAnswer()
                            : answer(uri.getPath().endsWith("x_start")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
        nx = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptAll, "stand-in-nx");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts both stand-ins on free loopback ports. */
    public static StandInDesktop start(Vma vma, Nx nx) throws IOException {
        return new StandInDesktop(vma, nx);
    }

    /** Points the VM's runtime row at this desktop now ({@code running}, no VMA key) and back to stopped at close. */
    public StandInDesktop runningAs(VmRuntimeRow vmRow) {
        vmRow.running(vmaPort(), nxPort(), null);
        this.row = vmRow;
        return this;
    }

    public int vmaPort() {
        return vma.getAddress().getPort();
    }

    public int nxPort() {
        return nx.getLocalPort();
    }

    /** Every call the L7R made to the VMA: path and decoded query, in order. */
    public List<String> vmaCalls() {
        return vmaCalls;
    }

    /**
     * {@code vnc_start} (the browser desktop's relay asks it): the stand-in NX agent's port, so the browser's bytes
     * reach the same stand-in session as an NX client's (no VNC is spoken: the tests read the session's transcript).
     */
    private String vncAnswer() {
        return "{\"port\":" + (vncPort > 0 ? vncPort : nxPort()) + ",\"mode\":\"desktop\"}";
    }

    /** {@code vnc_start} answers this port from now on: a real VNC server on this machine instead of the session. */
    public StandInDesktop vncAt(int port) {
        this.vncPort = port;
        return this;
    }

    private String answer(boolean start) {
        if (vmaStyle == Vma.LISTENING) {
            return "{\"state\":\"listening\",\"resumed\":false}";
        }
        if (start) {
            return starts.incrementAndGet() == 1
                    ? "{\"state\":\"provisioning\",\"resumed\":false}"
                    : "{\"state\":\"listening\",\"resumed\":true}";
        }
        return "{\"state\":\"" + (polls.incrementAndGet() < 2 ? "starting" : "listening") + "\",\"resumed\":false}";
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
        try (tunnel;
                InputStream in = tunnel.getInputStream();
                OutputStream out = tunnel.getOutputStream()) {
            if (nxStyle == Nx.ECHO) {
                in.transferTo(out);
                return;
            }
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
    public void close() throws IOException {
        vma.stop(0);
        nx.close();
        if (row != null) {
            row.stopped();
        }
    }
}
