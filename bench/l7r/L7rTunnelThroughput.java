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
 *      [WARM-UP ROUNDS, 1]</pre>
 */
public final class L7rTunnelThroughput {

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        InetSocketAddress l7r = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        int vmaPort = Integer.parseInt(args[1]);
        int nxPort = Integer.parseInt(args[2]);
        long bytes = Long.parseLong(args[3]) * 1024 * 1024;
        int rounds = Integer.parseInt(args[4]);
        long vm = Long.parseLong(args[5]);
        String authorization = args[6];
        int warmups = args.length > 9 ? Integer.parseInt(args[9]) : 1;
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
        // Warm-up rounds (not counted): both JVMs compile their TLS record paths (AES-GCM, Netty's SslHandler, the
        // relay) during the first hundreds of MiB; until then a path measured first pays for code that the other one
        // then finds compiled. The order alternates too, so that neither path always runs on the warmer machine.
        double tunnelSeconds = 0;
        double directSeconds = 0;
        double worst = Double.MAX_VALUE;
        for (int r = 1 - warmups; r <= rounds; r++) {
            boolean tunnelFirst = (r & 1) == 1;
            double viaL7r = 0;
            double straight = 0;
            if (!tunnelFirst) {
                straight = directTls(client, direct.getLocalPort(), bytes);
            }
            viaL7r = throughL7r(client, l7r, vm, authorization, bytes);
            if (tunnelFirst) {
                straight = directTls(client, direct.getLocalPort(), bytes);
            }
            String label = r <= 0 ? "P3 warm-up " + (r + warmups) : "P3 round " + r;
            System.out.printf("%s: L7R tunnel %.1f MiB/s, direct TLS %.1f MiB/s, ratio %.2f (%s first)%n", label,
                    viaL7r, straight, viaL7r / straight, tunnelFirst ? "tunnel" : "direct");
            if (r > 0) {
                tunnelSeconds += bytes / 1024.0 / 1024.0 / viaL7r;
                directSeconds += bytes / 1024.0 / 1024.0 / straight;
                worst = Math.min(worst, viaL7r / straight);
            }
            Thread.sleep(1000); // the L7R releases the VM before the next connect
        }
        if (rounds > 0) {
            System.out.printf("P3 over %d rounds after %d warm-up: tunnel/direct %.2f (time-weighted), worst round %.2f%n",
                    rounds, warmups, directSeconds / tunnelSeconds, worst);
        }
        vma.stop(0);
        nx.close();
        direct.close();
        System.exit(0); // the stand-in VMA's worker threads would keep the JVM alive
    }

    private static double throughL7r(SSLContext tls, InetSocketAddress l7r, long vm, String authorization, long bytes)
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
            return drain(in, bytes);
        }
    }

    private static double directTls(SSLContext tls, int port, long bytes) throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return drain(s.getInputStream(), bytes);
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

    private static double drain(InputStream in, long bytes) throws IOException {
        byte[] buf = new byte[65536];
        long start = System.nanoTime();
        long got = 0;
        for (int n; got < bytes && (n = in.read(buf)) > 0; ) {
            got += n;
        }
        return got / 1024.0 / 1024.0 / ((System.nanoTime() - start) / 1e9);
    }

    /** Each accepted connection gets {@code bytes} random bytes, then is closed. */
    private static void serve(ServerSocket server, long bytes) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[65536];
            new Random(1).nextBytes(chunk);
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread w = new Thread(() -> {
                        try (s; OutputStream out = s.getOutputStream()) {
                            for (long sent = 0; sent < bytes; sent += chunk.length) {
                                out.write(chunk);
                            }
                        } catch (IOException closed) {
                            // the reader left
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
