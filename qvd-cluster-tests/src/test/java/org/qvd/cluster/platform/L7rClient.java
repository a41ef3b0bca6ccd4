package org.qvd.cluster.platform;

import java.io.IOException;
import java.nio.file.Path;
import org.qvd.testsupport.L7rWire;

/**
 * QVD client connections to the cluster's L7R ({@link L7rWire}, as the Perl client makes them), trusting the
 * installation CA only. Through the balancer it is a plain TLS connection; straight to a node it first writes the
 * PROXY protocol line HAProxy would (the nodes' L7R expects one), naming the client's address.
 */
public final class L7rClient {

    private L7rClient() {}

    /** Through the balancer. */
    public static L7rWire viaBalancer(Path caPem, int balancerPort) throws IOException {
        return options(caPem, balancerPort).open();
    }

    /** Straight to a node's L7R, as the balancer would pass on a client from {@code clientAddress}. */
    public static L7rWire toNode(Path caPem, int nodePort, String clientAddress) throws IOException {
        return options(caPem, nodePort).proxiedFor(clientAddress).open();
    }

    private static L7rWire.Options options(Path caPem, int port) {
        return L7rWire.to(port)
                .trusting(Admin.trusting(caPem))
                .connectTimeout(20_000)
                .readTimeout(60_000);
    }
}
