import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * P1 load generator (JDK 17 single-file program): latency of {@code connect_to_vm} up to {@code 101} for VMs that
 * already run, and of {@code GET /qvd/ping} (the baseline), each on a fresh TLS connection to the same L7R listener.
 * The VMs are served by a STAND-IN VMA and NX agent run here (as the L7R system tests use): {@code x_start} answers
 * {@code listening} at once (a session resumed), the NX agent accepts and holds the connection.
 *
 * <pre>java L7rConnectLoad.java HOST:PORT VMA_PORT NX_PORT ITERATIONS THINK_MS CLIENTS,... AUTH_LABEL=AUTH... -- VM_ID...</pre>
 * Each client owns one VM (so connects never take each other over) and runs a closed loop: fresh TLS connection,
 * request, time to the final response, close, pause {@code THINK_MS} (for the L7R to release the VM), again.
 */
public final class L7rConnectLoad {

    record Result(List<Double> millis, int errors, int takeovers) {
    }

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        InetSocketAddress l7r = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        int vmaPort = Integer.parseInt(args[1]);
        int nxPort = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        long thinkMs = Long.parseLong(args[4]);
        List<Integer> concurrencies = new ArrayList<>();
        for (String c : args[5].split(",")) {
            concurrencies.add(Integer.parseInt(c));
        }
        List<String[]> auths = new ArrayList<>();
        List<Long> vms = new ArrayList<>();
        boolean inVms = false;
        for (int i = 6; i < args.length; i++) {
            if (args[i].equals("--")) {
                inVms = true;
            } else if (inVms) {
                vms.add(Long.parseLong(args[i]));
            } else {
                auths.add(args[i].split("=", 2));
            }
        }
        HttpServer vma = standInVma(vmaPort);
        ServerSocket nx = standInNx(nxPort);
        SSLContext tls = trustAll();
        System.out.println("# stand-in VMA on 127.0.0.1:" + vmaPort + " (x_start answers listening) and stand-in NX"
                + " agent on 127.0.0.1:" + nxPort + ": no hypervisor, no real VMA");
        // warm-up, not recorded: class loading and JIT of this program, TLS and the server's code paths
        run(l7r, tls, 1, 20, 0, c -> "GET /qvd/ping HTTP/1.1\r\n\r\n");
        for (String[] auth : auths) {
            run(l7r, tls, 1, 3, thinkMs, c -> connect(vms.get(0), auth[1]));
        }
        for (int clients : concurrencies) {
            if (clients > vms.size()) {
                throw new IllegalArgumentException(clients + " clients need as many VMs; got " + vms.size());
            }
            double[] base = report("baseline GET /qvd/ping", clients, run(l7r, tls, clients, iterations, thinkMs,
                    c -> "GET /qvd/ping HTTP/1.1\r\n\r\n"), null);
            for (String[] auth : auths) {
                report("connect_to_vm -> 101 (" + auth[0] + ")", clients, run(l7r, tls, clients, iterations, thinkMs,
                        c -> connect(vms.get(c), auth[1])), base);
            }
        }
        vma.stop(0);
        nx.close();
        System.exit(0); // the stand-in VMA's worker threads would keep the JVM alive
    }

    private static String connect(long vm, String authorization) {
        return "GET /qvd/connect_to_vm?qvd.client.os=linux&qvd.client.link=lan&id=" + vm
                + " HTTP/1.1\r\nAuthorization: " + authorization + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n";
    }

    private static Result run(InetSocketAddress l7r, SSLContext tls, int clients, int iterations, long thinkMs,
            java.util.function.IntFunction<String> request) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger takeovers = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < iterations; i++) {
                        try {
                            long start = System.nanoTime();
                            String outcome = once(l7r, tls, request.apply(client));
                            double ms = (System.nanoTime() - start) / 1e6;
                            if (outcome.startsWith("takeover")) {
                                takeovers.incrementAndGet(); // not an already-free VM: not a P1 sample
                            } else if (outcome.equals("ok")) {
                                millis.add(ms);
                            } else {
                                errors.incrementAndGet();
                                System.err.println("client " + client + ": " + outcome);
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            System.err.println("client " + client + ": " + e);
                        }
                        Thread.sleep(thinkMs);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        return new Result(millis, errors.get(), takeovers.get());
    }

    /** One request on a fresh TLS connection: "ok" for 200/101, "takeover" if the L7R had to take the VM over. */
    private static String once(InetSocketAddress l7r, SSLContext tls, String request) throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
            s.connect(l7r, 30_000);
            s.setSoTimeout(120_000);
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            boolean takeover = false;
            while (true) {
                List<String> head = head(in);
                String status = head.get(0);
                if (status.startsWith("HTTP/1.1 102")) {
                    takeover |= head.stream().anyMatch(h -> h.contains("Taking over"));
                    continue;
                }
                if (status.startsWith("HTTP/1.1 101")) {
                    return takeover ? "takeover" : "ok";
                }
                int length = head.stream().filter(h -> h.startsWith("Content-Length:"))
                        .mapToInt(h -> Integer.parseInt(h.substring(15).trim())).findFirst().orElse(0);
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                return status.startsWith("HTTP/1.1 200") ? "ok" : status + " " + body;
            }
        }
    }

    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                line.reset();
                if (text.isEmpty()) {
                    if (!lines.isEmpty()) {
                        return lines;
                    }
                } else {
                    lines.add(text);
                }
            } else {
                line.write(b);
            }
        }
        throw new IOException("closed by the server after " + lines);
    }

    /** Prints the figures (and their ratio to {@code base}, the baseline's p50/p99, if given); returns p50/p99. */
    private static double[] report(String label, int clients, Result r, double[] base) {
        List<Double> sorted = new ArrayList<>(r.millis());
        Collections.sort(sorted);
        double p50 = pct(sorted, 50);
        double p99 = pct(sorted, 99);
        String ratio = base == null ? "" : String.format("  ratio to baseline: p50 %.1fx, p99 %.1fx", p50 / base[0],
                p99 / base[1]);
        System.out.printf("%-38s clients=%-3d n=%-4d p50=%7.1f ms  p99=%7.1f ms  errors=%d  takeovers=%d%s%n", label,
                clients, sorted.size(), p50, p99, r.errors(), r.takeovers(), ratio);
        return new double[] {p50, p99};
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static HttpServer standInVma(int port) throws IOException {
        HttpServer vma = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        vma.createContext("/vma/", exchange -> {
            byte[] body = "{\"state\":\"listening\",\"resumed\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        vma.start();
        return vma;
    }

    /** Accepts every tunnel and holds it until the L7R closes it. */
    private static ServerSocket standInNx(int port) throws IOException {
        ServerSocket nx = new ServerSocket(port, 200, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            while (!nx.isClosed()) {
                try {
                    Socket agent = nx.accept();
                    Thread hold = new Thread(() -> {
                        try (agent) {
                            agent.getInputStream().transferTo(OutputStream.nullOutputStream());
                        } catch (IOException closed) {
                            // the tunnel ended
                        }
                    });
                    hold.setDaemon(true);
                    hold.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return nx;
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String auth) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String auth) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
