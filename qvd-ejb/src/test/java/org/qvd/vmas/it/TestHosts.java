package org.qvd.vmas.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.qvd.vmas.host.entity.Host;

/**
 * Test stand-in for an HKD heartbeat: makes a host running with capacity (no JMS needed). The beat is
 * dated an hour ahead so the host-loss timer leaves the host alone for the length of a test.
 */
@Stateless
public class TestHosts {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    public void heartbeat(long hostId) {
        em.find(Host.class, hostId).getRuntime().heartbeat(Instant.now().plusSeconds(3600), 64_000L, 16, 0.1);
    }
}
