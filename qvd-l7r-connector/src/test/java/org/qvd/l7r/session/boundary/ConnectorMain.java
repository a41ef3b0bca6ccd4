package org.qvd.l7r.session.boundary;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.platform.TlsContexts;

/**
 * Runs the L7R alone, outside WildFly, in front of one fixed TCP target (for benchmarks):
 * {@code java -cp <classes+netty> org.qvd.l7r.session.boundary.ConnectorMain KEYSTORE.p12 STOREPASS LOGIN PASSWORD
 * TARGETHOST TARGETPORT}; the port and the other settings come from {@code qvd.l7r.*} properties.
 */
public final class ConnectorMain {

    private ConnectorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ConnectorMain KEYSTORE.p12 STOREPASS LOGIN PASSWORD TARGETHOST TARGETPORT");
            System.exit(2);
        }
        ExecutorService worker = new ThreadPoolExecutor(8, 64, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000));
        FixedTargetBackend backend = new FixedTargetBackend(args[2], args[3], args[4], Integer.parseInt(args[5]));
        L7rListener listener = new L7rListener(
                ConnectorConfig.fromEnvironment(),
                TlsContexts.fromPkcs12(Path.of(args[0]), args[1].toCharArray()),
                backend,
                worker);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            listener.stop();
            worker.shutdown();
        }));
        System.out.println("listening on " + listener.start());
        Thread.currentThread().join();
    }
}
