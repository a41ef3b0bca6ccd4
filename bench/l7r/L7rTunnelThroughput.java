import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Random;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * P3 of issue 5 (JDK 17 single-file program): bytes/s from an "NX agent" to a client through the running L7R's
 * tunnel, against a direct TLS stream of the same bytes from this JVM, in the same run. The NX agent is a STAND-IN
 * (it sends MiB of random bytes on each connection), the VMA too ({@code x_start} answers {@code listening}).
 *
 * <pre>java L7rTunnelThroughput.java HOST:PORT VMA_PORT NX_PORT MIB ROUNDS VM_ID AUTHORIZATION KEYSTORE.p12 STOREPASS
 *      [WARM-UP MIB, 512] [L7R PID]</pre>
 *
 * <p>A round is one tunnel stream and one direct stream of {@code MIB} each, in alternating order. On a machine that
 * others load, one pair of streams says little (single rounds went from 0.46 to 1.81 within a minute at load 35-40),
 * so the figure is many short rounds: the time-weighted ratio over all of them, the median and the range of the
 * rounds' ratios. Warm-up is by volume ({@code WARM-UP MIB} through each path first, not counted): the L7R's TLS path
 * is compiled by C2 only after some hundreds of MiB on a loaded machine, in a server that also compiles everything
 * else it runs. With the L7R's process id (same machine), its CPU time per MiB in the tunnel rounds is printed beside
 * the direct sender's (this JVM's serving threads): a cost ratio that the load of other processes moves much less.
 */
public final class L7rTunnelThroughput {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of the direct TLS server's sending threads (encryption and socket writes). */
    private static final java.util.concurrent.atomic.AtomicLong SENDER_CPU_NANOS =
            new java.util.concurrent.atomic.AtomicLong();
    /** USER_HZ of /proc/PID/stat (100 on Linux). */
    private static final int TICKS_PER_SECOND = 100;

    /** utime + stime of a process, in clock ticks; 0 without a pid. */
    private static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        InetSocketAddress l7r = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        int vmaPort = Integer.parseInt(args[1]);
        int nxPort = Integer.parseInt(args[2]);
        long bytes = Long.parseLong(args[3]) * 1024 * 1024;
        int rounds = Integer.parseInt(args[4]);
        long vm = Long.parseLong(args[5]);
        String authorization = args[6];
        long warmupBytes = (args.length > 9 ? Long.parseLong(args[9]) : 512) * 1024 * 1024;
        long l7rPid = args.length > 10 ? Long.parseLong(args[10]) : 0;
        var vma = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", vmaPort), 50);
        vma.createContext("/vma/", exchange -> {
            byte[] body = "{\"state\":\"listening\",\"resumed\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
        ServerSocket nx = new ServerSocket(nxPort, 50, InetAddress.getByName("127.0.0.1"));
        SSLServerSocket direct = (SSLServerSocket) serverTls(args[7], args[8]).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        serve(nx, bytes);
        serve(direct, bytes);
        SSLContext client = trustAll();
        System.out.println("# stand-in NX agent on 127.0.0.1:" + nxPort + " sends " + bytes / 1024 / 1024
                + " MiB per connection; direct = TLS from this JVM (ECDSA P-256 key store of run.sh), same bytes");
        // Warm-up (not counted): both JVMs compile their TLS record paths (AES-GCM, Netty's SslHandler, the relay) during
        // the first hundreds of MiB; until then a path measured first pays for code that the other one then finds
        // compiled. The order alternates too, so that neither path always runs on the warmer machine.
        int warmups = (int) Math.max(1, (warmupBytes + bytes - 1) / bytes);
        double tunnelSeconds = 0;
        double directSeconds = 0;
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        long l7rCpuTicks = 0;
        long directCpuBefore = 0;
        for (int r = 1 - warmups; r <= rounds; r++) {
            boolean tunnelFirst = (r & 1) == 1;
            double viaL7r;
            double straight = 0;
            if (r == 1) {
                directCpuBefore = SENDER_CPU_NANOS.get();
            }
            if (!tunnelFirst) {
                straight = directTls(client, direct.getLocalPort(), bytes);
            }
            long[] used = new long[1];
            viaL7r = throughL7r(client, l7r, vm, authorization, bytes, l7rPid, used);
            if (tunnelFirst) {
                straight = directTls(client, direct.getLocalPort(), bytes);
            }
            if (r > 0) {
                tunnelSeconds += bytes / 1024.0 / 1024.0 / viaL7r;
                directSeconds += bytes / 1024.0 / 1024.0 / straight;
                ratios.add(viaL7r / straight);
                l7rCpuTicks += used[0];
                System.out.printf(
                        "P3 round %d: L7R tunnel %.1f MiB/s, direct TLS %.1f MiB/s, ratio %.2f (%s first)%n",
                        r, viaL7r, straight, viaL7r / straight, tunnelFirst ? "tunnel" : "direct");
            } else if (r == 0) {
                System.out.printf(
                        "P3 warm-up: %d rounds of %d MiB through each path, last: tunnel %.1f, direct %.1f MiB/s%n",
                        warmups, bytes / 1024 / 1024, viaL7r, straight);
            }
            Thread.sleep(500); // the L7R releases the VM before the next connect
        }
        if (rounds > 0) {
            java.util.Collections.sort(ratios);
            double median = ratios.size() % 2 == 1
                    ? ratios.get(ratios.size() / 2)
                    : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
            System.out.printf(
                    "P3 over %d rounds of %d MiB after %d MiB of warm-up: tunnel/direct %.2f time-weighted, median round"
                            + " %.2f, rounds %.2f-%.2f%n",
                    rounds, bytes / 1024 / 1024, warmups * bytes / 1024 / 1024, directSeconds / tunnelSeconds, median,
                    ratios.get(0), ratios.get(ratios.size() - 1));
            double mib = rounds * (double) bytes / 1024 / 1024;
            double directMsPerMib = (SENDER_CPU_NANOS.get() - directCpuBefore) / 1e6 / mib;
            if (l7rPid > 0) {
                double l7rMsPerMib = l7rCpuTicks * 1000.0 / TICKS_PER_SECOND / mib;
                System.out.printf(
                        "P3 CPU per MiB sent: L7R process (pid %d, all its threads) %.2f ms, direct TLS sender %.2f ms"
                                + " (%.2fx)%n",
                        l7rPid, l7rMsPerMib, directMsPerMib, l7rMsPerMib / directMsPerMib);
            } else {
                System.out.printf("P3 CPU per MiB sent by the direct TLS sender: %.2f ms%n", directMsPerMib);
            }
        }
        vma.stop(0);
        nx.close();
        direct.close();
        System.exit(0); // the stand-in VMA's worker threads would keep the JVM alive
    }

    /** MiB/s through the tunnel; {@code cpu[0]} gets the L7R's CPU ticks from the 101 to the last byte. */
    private static double throughL7r(
            SSLContext tls, InetSocketAddress l7r, long vm, String authorization, long bytes, long pid, long[] cpu)
            throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
            s.connect(l7r, 30_000);
            s.setSoTimeout(120_000);
            s.startHandshake();
            OutputStream out = s.getOutputStream();
            out.write(("GET /qvd/connect_to_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: " + authorization
                    + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String status;
            do {
                status = head(in);
            } while (status.startsWith("HTTP/1.1 102"));
            if (!status.startsWith("HTTP/1.1 101")) {
                throw new IOException("no 101: " + status);
            }
            long ticks = cpuTicks(pid);
            double rate = drain(out, in, bytes);
            cpu[0] = cpuTicks(pid) - ticks;
            return rate;
        }
    }

    private static double directTls(SSLContext tls, int port, long bytes) throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return drain(s.getOutputStream(), s.getInputStream(), bytes);
        }
    }

    /** The status line of the next response; its header lines are skipped. */
    private static String head(InputStream in) throws IOException {
        String status = null;
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString().replace("\r", "");
                line.setLength(0);
                if (text.isEmpty() && status != null) {
                    return status;
                }
                if (status == null && !text.isEmpty()) {
                    status = text;
                }
            } else {
                line.append((char) b);
            }
        }
        throw new IOException("closed by the server");
    }

    /**
     * Asks for the bytes (one byte, as an NX client speaks first) and reads them: MiB/s from the request to the last
     * byte. The senders wait for that byte, so nothing is buffered on the way before the clock starts (the L7R
     * connects to the NX agent before its {@code 101}: a stand-in that sent at once had filled the sockets' buffers
     * with several MiB by then).
     */
    private static double drain(OutputStream out, InputStream in, long bytes) throws IOException {
        byte[] buf = new byte[65536];
        long start = System.nanoTime();
        out.write('g');
        out.flush();
        long got = 0;
        for (int n; got < bytes && (n = in.read(buf)) > 0; ) {
            got += n;
        }
        return got / 1024.0 / 1024.0 / ((System.nanoTime() - start) / 1e9);
    }

    /** Each accepted connection gets {@code bytes} random bytes once it sent one byte, then is closed. */
    private static void serve(ServerSocket server, long bytes) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[65536];
            new Random(1).nextBytes(chunk);
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread w = new Thread(() -> {
                        long cpu = THREADS.getCurrentThreadCpuTime();
                        try (s; OutputStream out = s.getOutputStream()) {
                            if (s.getInputStream().read() < 0) {
                                return; // the reader left before asking
                            }
                            for (long sent = 0; sent < bytes; sent += chunk.length) {
                                out.write(chunk);
                            }
                        } catch (IOException closed) {
                            // the reader left
                        } finally {
                            if (server instanceof SSLServerSocket) {
                                SENDER_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                            }
                        }
                    });
                    w.setDaemon(true);
                    w.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static SSLContext serverTls(String keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
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
