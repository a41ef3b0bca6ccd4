package org.qvd.system.l7r;

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
import org.qvd.launcher.QvdSystem;

/**
 * What a running VM offers the L7R, on this machine: a stand-in VMA (JDK HTTP server; the first {@code x_start}
 * provisions and {@code x_state} reaches {@code listening} on the second poll, later ones resume at once, as the
 * real VMA does for a suspended session) and a stand-in NX agent that echoes every connection. The VM's runtime
 * row is pointed at both by SQL ({@code running}, address 127.0.0.1).
 */
final class StandInVm implements AutoCloseable {

    final List<String> vmaCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final HttpServer vma;
    private final ServerSocket nx;
    private final VmasData data;
    private final QvdSystem system;
    private final long vmId;

    StandInVm(QvdSystem system, VmasData data, long vmId) throws IOException {
        this.system = system;
        this.data = data;
        this.vmId = vmId;
        vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            URI uri = exchange.getRequestURI();
            vmaCalls.add(URLDecoder.decode(uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    StandardCharsets.UTF_8));
            String answer = answer(uri.getPath().endsWith("x_start"));
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
        data.sql(system, "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', "
                + "vma_port = ?, x_port = ? WHERE vm_id = ?", vma.getAddress().getPort(), nx.getLocalPort(), vmId);
    }

    private String answer(boolean start) {
        if (start) {
            return starts.incrementAndGet() == 1 ? "{\"state\":\"provisioning\",\"resumed\":false}"
                    : "{\"state\":\"listening\",\"resumed\":true}";
        }
        return "{\"state\":\"" + (polls.incrementAndGet() < 2 ? "starting" : "listening") + "\",\"resumed\":false}";
    }

    private void acceptAll() {
        while (!nx.isClosed()) {
            try {
                Socket agent = nx.accept();
                Thread echo = new Thread(() -> echo(agent), "stand-in-nx-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket agent) {
        try (agent; InputStream in = agent.getInputStream(); OutputStream out = agent.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the L7R ended the tunnel
        }
    }

    @Override
    public void close() throws IOException {
        vma.stop(0);
        nx.close();
        data.sql(system, "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, "
                + "vma_port = NULL, x_port = NULL WHERE vm_id = ?", vmId);
    }
}
