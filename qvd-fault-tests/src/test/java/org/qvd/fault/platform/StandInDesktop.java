package org.qvd.fault.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.qvd.launcher.QvdSystem;

/**
 * A user's desktop VM ({@link DesktopVm}) whose guest stands in on this machine: a VMA (JDK HTTP server whose
 * session is {@code listening} at once) and an NX agent that echoes every byte, so bytes written into a client's
 * tunnel come back only while the whole path (client, L7R, VM) carries them.
 */
public final class StandInDesktop implements AutoCloseable {

    private final HttpServer vma;
    private final ServerSocket nx;
    private final DesktopVm vm;

    public StandInDesktop(QvdSystem system) throws IOException {
        vm = DesktopVm.create(system);
        vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            byte[] body = "{\"state\":\"listening\",\"resumed\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
        nx = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptAll, "stand-in-nx");
        acceptor.setDaemon(true);
        acceptor.start();
        vm.pointAt(system, vma.getAddress().getPort(), nx.getLocalPort(), null);
    }

    public DesktopVm vm() {
        return vm;
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
    }
}
