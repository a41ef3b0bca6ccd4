package org.qvd.vmas.host.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.vmas.host.entity.Host;

/**
 * Applies many hosts' heartbeats in one transaction: their hosts (with runtimes) in one query, the ids of the VMs the
 * VMAS places on them in another, then each beat as {@link HostEvents#heartbeat(Host, List, HostHeartbeat, Instant)}
 * (the runtimes' updates go out as one JDBC batch at commit). A farm of 1,000 hosts beating every 5 s made 200
 * transactions of four statements each per second; batched every {@link HeartbeatInbox#FLUSH_MILLIS} it is five
 * transactions of about three statements.
 */
@Stateless
public class HeartbeatBatch {

    private static final int JDBC_BATCH = 100;
    private static final String HOSTS = "SELECT h FROM Host h JOIN FETCH h.runtime WHERE h.name IN :names";
    private static final String VMS_ON_HOSTS = "SELECT r.host.id, r.vm.id FROM VmRuntime r WHERE r.host.id IN :hosts";

    /** A heartbeat and when this node took it from the broker. */
    public record Received(HostHeartbeat beat, Instant at) {}

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    HostEvents events;

    /** Every beat of the batch, or none (the caller then applies them one by one: {@link #applyOne}). */
    public void applyAll(Collection<Received> beats) {
        em.unwrap(Session.class).setJdbcBatchSize(JDBC_BATCH); // the runtimes' updates: one round trip at commit
        Map<String, Host> hosts = new HashMap<>();
        em.createQuery(HOSTS, Host.class)
                .setParameter(
                        "names", beats.stream().map(r -> r.beat().hostName()).toList())
                .getResultList()
                .forEach(h -> hosts.put(h.getName(), h));
        Map<Long, List<Long>> vmIds = new HashMap<>();
        if (!hosts.isEmpty()) {
            for (Object[] row : em.createQuery(VMS_ON_HOSTS, Object[].class)
                    .setParameter(
                            "hosts", hosts.values().stream().map(Host::getId).toList())
                    .getResultList()) {
                vmIds.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
        }
        for (Received r : beats) {
            Host host = hosts.get(r.beat().hostName());
            if (host == null) { // joins with this beat
                host = events.findOrRegister(r.beat().hostName());
            }
            events.heartbeat(host, vmIds.getOrDefault(host.getId(), List.of()), r.beat(), r.at());
        }
    }

    /** One beat in a transaction of its own: what a batch falls back to when one of its beats fails it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void applyOne(Received r) {
        Host host = events.findOrRegister(r.beat().hostName());
        events.heartbeat(
                host,
                em
                        .createQuery(VMS_ON_HOSTS, Object[].class)
                        .setParameter("hosts", List.of(host.getId()))
                        .getResultList()
                        .stream()
                        .map(row -> (Long) row[1])
                        .toList(),
                r.beat(),
                r.at());
    }
}
