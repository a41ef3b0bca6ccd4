package org.qvd.session.boundary;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.qvd.l7r.platform.ConnectorConfig;

/**
 * Benchmark (a main, not a test; P3 of issue 5): bytes/s from an "NX agent" to a client through the L7R tunnel,
 * against a direct TLS stream of the same bytes from the same JVM, in the same run. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.qvd.session.boundary.TunnelThroughputBench [MiB] [rounds]}.
 */
public final class TunnelThroughputBench {

    private TunnelThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long bytes = mib * 1024L * 1024L;
        try (ServerSocket agent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             SSLServerSocket direct = (SSLServerSocket) TestTls.server().getServerSocketFactory()
                     .createServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            serve(agent, bytes);
            serve(direct, bytes);
            L7rListener l7r = new L7rListener(ConnectorConfig.from(k -> switch (k) {
                case "port" -> "0";
                case "bind-address" -> "127.0.0.1";
                default -> null;
            }), TestTls.server(), new FixedTargetBackend("alice@default", "s3cr:t", "127.0.0.1", agent.getLocalPort()),
                    Executors.newFixedThreadPool(4));
            InetSocketAddress address = l7r.start();
            for (int r = 0; r < rounds; r++) {
                double viaL7r = throughL7r(address, bytes);
                double straight = directTls(direct.getLocalPort(), bytes);
                System.out.printf("round %d: L7R tunnel %.1f MiB/s, direct TLS %.1f MiB/s, ratio %.2f%n", r + 1,
                        viaL7r, straight, viaL7r / straight);
            }
            l7r.stop();
            System.exit(0);
        }
    }

    private static double throughL7r(InetSocketAddress address, long bytes) throws Exception {
        try (RawClient c = new RawClient(address)) {
            List<RawClient.Response> answers = c.send(StandInBackendFixture.perlConnect(
                    StandInBackendFixture.ALICE_BASIC, "1")).readThroughProcessing();
            if (answers.get(answers.size() - 1).status() != 101) {
                throw new IllegalStateException("no 101: " + answers);
            }
            return drain(c.input(), bytes);
        }
    }

    private static double directTls(int port, long bytes) throws Exception {
        try (SSLSocket s = (SSLSocket) TestTls.trustingClient().getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return drain(s.getInputStream(), bytes);
        }
    }

    private static double drain(InputStream in, long bytes) throws Exception {
        byte[] buf = new byte[65536];
        long start = System.nanoTime();
        long got = 0;
        for (int n; got < bytes && (n = in.read(buf)) > 0; ) {
            got += n;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return got / 1024.0 / 1024.0 / seconds;
    }

    /** Each accepted connection gets {@code bytes} bytes, then is closed. */
    private static void serve(ServerSocket server, long bytes) {
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[65536];
            new java.util.Random(1).nextBytes(chunk);
            while (true) {
                try {
                    Socket s = server.accept();
                    new Thread(() -> {
                        try (s; OutputStream out = s.getOutputStream()) {
                            for (long sent = 0; sent < bytes; sent += chunk.length) {
                                out.write(chunk);
                            }
                        } catch (Exception closed) {
                            // client left
                        }
                    }).start();
                } catch (Exception closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
