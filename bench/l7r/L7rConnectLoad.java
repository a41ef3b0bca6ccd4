import at.favre.lib.crypto.bcrypt.BCrypt;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Logon load for the L7R (JDK 17 single-file program, run with the bcrypt jar on the class path): every request on a
 * fresh TLS connection to the same L7R listener, as QVD clients do. One user and one VM per client.
 *
 * <ul>
 * <li><b>hash floor</b>: the time this machine takes for N verifications of a real user's stored password hash on
 * all its cores (a pool of {@code nproc} threads), measured here, in the same run, before the storms.</li>
 * <li><b>storm</b> of N clients (all released at once, each connects once): baseline {@code GET /qvd/ping}; then the
 * users' <em>first logins</em> ({@code connect_to_vm} with Basic, one password-hash check each), against the floor
 * and the ping; then the same users <em>returning</em> (legacy clients: Basic on {@code list_of_vm} and again on
 * {@code connect_to_vm}, each on its own connection), against the ping storm.</li>
 * <li><b>loop</b> (P1) at each concurrency: closed loop per client (fresh TLS, request, close, pause
 * {@code THINK_MS}), ping baseline, then {@code connect_to_vm} with Basic and with a token.</li>
 * </ul>
 * The VMs are served by a STAND-IN VMA and NX agent run here: {@code x_start} answers {@code listening} at once (a
 * session resumed), the NX agent accepts and holds the connection.
 *
 * <pre>java -cp BCRYPT_JARS L7rConnectLoad.java HOST:PORT VMA_PORT NX_PORT ITERATIONS THINK_MS LOOP_CONCURRENCIES
 *      STORMS CLIENTS_FILE</pre>
 * CLIENTS_FILE: one line per client, {@code vmId login password storedHash}; the storms take their own users from
 * the top of the file (first logins must be first), the loops reuse the first ones. LOOP_CONCURRENCIES and STORMS
 * are comma lists ("" or 0: none).
 */
public final class L7rConnectLoad {

    record Client(long vm, String login, String password, String hash) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    record Result(List<Double> millis, int errors, int takeovers, double wallMs) {
    }

    private static InetSocketAddress l7r;
    private static SSLContext tls;
    private static long thinkMs;

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        l7r = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        int vmaPort = Integer.parseInt(args[1]);
        int nxPort = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        thinkMs = Long.parseLong(args[4]);
        List<Integer> concurrencies = numbers(args[5]);
        List<Integer> storms = numbers(args[6]);
        List<Client> clients = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[7]))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4) {
                clients.add(new Client(Long.parseLong(f[0]), f[1], f[2], f[3]));
            }
        }
        HttpServer vma = standInVma(vmaPort);
        ServerSocket nx = standInNx(nxPort);
        tls = trustAll();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("# stand-in VMA on 127.0.0.1:" + vmaPort + " (x_start answers listening) and stand-in NX"
                + " agent on 127.0.0.1:" + nxPort + ": no hypervisor, no real VMA; " + clients.size() + " users, one VM"
                + " each; users' password hash " + clients.get(0).hash().substring(0, 7) + "… (bcrypt, cost "
                + clients.get(0).hash().substring(4, 6) + ")");
        // warm-up, not recorded: class loading and JIT of this program, TLS and the server's ping path
        run(1, 20, 0, c -> "GET /qvd/ping HTTP/1.1\r\n\r\n");

        int next = 0;
        for (int n : storms) {
            if (next + n > clients.size()) {
                throw new IllegalArgumentException("storms need " + (next + n) + " users; got " + clients.size());
            }
            List<Client> users = clients.subList(next, next + n);
            next += n;
            double floor = hashFloor(users.get(0), n, cores);
            System.out.printf("storm N=%d: hash floor = %d bcrypt verifications on %d cores here = %.0f ms%n", n, n,
                    cores, floor);
            Result ping = storm(n, c -> "GET /qvd/ping HTTP/1.1\r\n\r\n");
            double[] base = report("storm ping (baseline)", n, ping, null, null);
            Result first = storm(n, c -> connect(users.get(c).vm(), users.get(c).basic()));
            report("storm first logins (basic)", n, first, base, floor);
            Thread.sleep(Math.max(thinkMs, 1000)); // the L7R releases the VMs
            Result list = storm(n, c -> get("/qvd/list_of_vm", users.get(c).basic()));
            report("storm returning list_of_vm (basic)", n, list, base, null);
            Result again = storm(n, c -> connect(users.get(c).vm(), users.get(c).basic()));
            report("storm returning connect (basic)", n, again, base, null);
            Thread.sleep(Math.max(thinkMs, 1000));
        }

        int loopUsers = concurrencies.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (loopUsers > 0) {
            if (loopUsers > clients.size()) {
                throw new IllegalArgumentException(loopUsers + " clients need as many users; got " + clients.size());
            }
            List<String> tokens = new ArrayList<>();
            for (int c = 0; c < loopUsers; c++) { // also the loops' first logins (one hash check per user)
                tokens.add("Bearer " + token(clients.get(c)));
            }
            run(1, 3, thinkMs, c -> connect(clients.get(0).vm(), clients.get(0).basic()));
            for (int n : concurrencies) {
                double[] base = report("loop ping (baseline)", n, run(n, iterations, thinkMs,
                        c -> "GET /qvd/ping HTTP/1.1\r\n\r\n"), null, null);
                report("loop connect_to_vm -> 101 (basic)", n, run(n, iterations, thinkMs,
                        c -> connect(clients.get(c).vm(), clients.get(c).basic())), base, null);
                report("loop connect_to_vm -> 101 (token)", n, run(n, iterations, thinkMs,
                        c -> connect(clients.get(c).vm(), tokens.get(c))), base, null);
            }
        }
        vma.stop(0);
        nx.close();
        System.exit(0); // the stand-in VMA's worker threads would keep the JVM alive
    }

    /** Wall time of {@code n} verifications of the user's real stored hash on {@code cores} threads. */
    private static double hashFloor(Client user, int n, int cores) throws Exception {
        BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A);
        verifyer.verify(user.password().toCharArray(), user.hash()); // warm-up
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long start = System.nanoTime();
        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            checks.add(pool.submit(() -> verifyer.verify(user.password().toCharArray(), user.hash()).verified));
        }
        for (Future<Boolean> check : checks) {
            if (!check.get()) {
                throw new IllegalStateException("the stored hash does not verify the user's password");
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        pool.shutdown();
        return ms;
    }

    private static String token(Client c) throws IOException {
        String body = once(get("/qvd/create_auth_token", c.basic()), true);
        int at = body.indexOf("\"auth_token\":\"");
        if (at < 0) {
            throw new IOException("create_auth_token for " + c.login() + ": " + body);
        }
        return body.substring(at + 14, body.indexOf('"', at + 14));
    }

    private static String get(String path, String authorization) {
        return "GET " + path + " HTTP/1.1\r\nAuthorization: " + authorization + "\r\n\r\n";
    }

    private static String connect(long vm, String authorization) {
        return "GET /qvd/connect_to_vm?qvd.client.os=linux&qvd.client.link=lan&id=" + vm
                + " HTTP/1.1\r\nAuthorization: " + authorization + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n";
    }

    /** All {@code clients} released at once by a latch, one request each on a fresh TLS connection. */
    private static Result storm(int clients, IntFunction<String> request) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch ready = new CountDownLatch(clients);
        Result r = collect(clients, 1, 0, request, ready, go);
        return r;
    }

    private static Result run(int clients, int iterations, long pauseMs, IntFunction<String> request)
            throws InterruptedException {
        return collect(clients, iterations, pauseMs, request, null, null);
    }

    private static Result collect(int clients, int iterations, long pauseMs, IntFunction<String> request,
            CountDownLatch ready, CountDownLatch go) throws InterruptedException {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger takeovers = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            String[] requests = new String[1];
            Thread t = new Thread(() -> {
                try {
                    requests[0] = request.apply(client);
                    if (ready != null) {
                        ready.countDown();
                        go.await();
                    }
                    for (int i = 0; i < iterations; i++) {
                        try {
                            long start = System.nanoTime();
                            String outcome = once(requests[0], false);
                            double ms = (System.nanoTime() - start) / 1e6;
                            if (outcome.startsWith("takeover")) {
                                takeovers.incrementAndGet(); // not an already-free VM: not a sample
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
                        if (pauseMs > 0) {
                            Thread.sleep(pauseMs);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        long start;
        if (ready != null) {
            ready.await();
            start = System.nanoTime();
            go.countDown();
        } else {
            start = System.nanoTime();
        }
        done.await();
        return new Result(millis, errors.get(), takeovers.get(), (System.nanoTime() - start) / 1e6);
    }

    /**
     * One request on a fresh TLS connection: "ok" for 200/101, "takeover" if the L7R had to take the VM over, else
     * the status and body; {@code wantBody}: the body of a 200 instead of "ok".
     */
    private static String once(String request, boolean wantBody) throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
            s.connect(l7r, 30_000);
            s.setSoTimeout(180_000);
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
                int length = head.stream().filter(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15))
                        .mapToInt(h -> Integer.parseInt(h.substring(15).trim())).findFirst().orElse(0);
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (status.startsWith("HTTP/1.1 200")) {
                    return wantBody ? body : "ok";
                }
                return status + " " + body;
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

    /**
     * Prints the figures, their ratio to {@code base} (the baseline's p50/p99) and to {@code floor} (the hash
     * floor, ms) when given; returns p50/p99.
     */
    private static double[] report(String label, int clients, Result r, double[] base, Double floor) {
        List<Double> sorted = new ArrayList<>(r.millis());
        Collections.sort(sorted);
        double p50 = pct(sorted, 50);
        double p99 = pct(sorted, 99);
        String ratio = base == null ? "" : String.format("  to ping: p50 %.1fx, p99 %.1fx", p50 / base[0],
                p99 / base[1]);
        String toFloor = floor == null ? "" : String.format("  to hash floor: p50 %.2fx, p99 %.2fx", p50 / floor,
                p99 / floor);
        System.out.printf("%-36s clients=%-3d n=%-5d p50=%8.1f ms  p99=%8.1f ms  errors=%d  takeovers=%d%s%s%n",
                label, clients, sorted.size(), p50, p99, r.errors(), r.takeovers(), ratio, toFloor);
        return new double[] {p50, p99};
    }

    private static List<Integer> numbers(String list) {
        List<Integer> out = new ArrayList<>();
        for (String c : list.split(",")) {
            if (!c.isBlank() && Integer.parseInt(c.trim()) > 0) {
                out.add(Integer.parseInt(c.trim()));
            }
        }
        return out;
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static HttpServer standInVma(int port) throws IOException {
        HttpServer vma = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1000);
        vma.createContext("/vma/", exchange -> {
            byte[] body = "{\"state\":\"listening\",\"resumed\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.setExecutor(Executors.newFixedThreadPool(8));
        vma.start();
        return vma;
    }

    /** Accepts every tunnel and holds it until the L7R closes it. */
    private static ServerSocket standInNx(int port) throws IOException {
        ServerSocket nx = new ServerSocket(port, 1000, InetAddress.getByName("127.0.0.1"));
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
