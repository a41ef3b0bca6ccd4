package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/** Idle keep-alive clients cost sockets, not threads (the reason the L7R is on Netty, not a thread per client). */
class ManyIdleClientsWithStandInBackendTest extends StandInBackendFixture {

    @Override
    void customize() {
        settings.put("max-connections-per-address", "0"); // the caps have their own test
    }

    @Test
    void aHundredIdleClientsAddNoThreadPerClient() throws Exception {
        int before = Thread.activeCount();
        List<L7rWire> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                L7rWire c = client();
                clients.add(c);
                c.send(perlList(ALICE_BASIC));
            }
            for (L7rWire c : clients) {
                assertThat(c.read().status()).isEqualTo(200);
            }
            long ioThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("qvd-l7r-io"))
                    .count();
            assertThat(ioThreads).isLessThanOrEqualTo(2L * Runtime.getRuntime().availableProcessors());
            assertThat(Thread.activeCount() - before)
                    .as("threads added for 100 clients")
                    .isLessThan(30);
            try (L7rWire late = client()) {
                assertThat(late.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status())
                        .isEqualTo(200);
            }
        } finally {
            for (L7rWire c : clients) {
                c.close();
            }
        }
    }
}
