package org.qvd.vmas.vm.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.host.control.HostCommandSender;
import org.qvd.vmas.host.control.HostConfigKeys;
import org.qvd.vmas.host.control.HostPlacement;
import org.qvd.vmas.host.control.HostPlacement.Candidate;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.control.ImageStorage;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;

/**
 * Carries VM start and stop requests to the hosts: resolves the DI from the VM's OSF and tag, picks a
 * host, records the placement and sends the command — all in the caller's transaction, so either the
 * runtime changes and the command leaves, or neither happens. The answer comes later as host events.
 */
@Stateless
public class VmLifecycle {

    /**
     * The candidates in three plain queries: the running, unblocked hosts; how many VMs each holds; the memory of the VMs
     * starting on each. One query with two correlated subqueries per host took 56 ms with 1,000 hosts on the loaded
     * benchmark machine (1,000 index scans per start), these three about 2 ms.
     */
    static final String QUERY_HOSTS = "SELECT r.host.id, r.host.name, r.usableRamMb, r.usableCpu, r.load, r.kinds "
            + "FROM HostRuntime r WHERE r.state = :running AND r.host.blocked = false";

    static final String QUERY_VMS_PER_HOST =
            "SELECT v.host.id, COUNT(v) FROM VmRuntime v WHERE v.host IS NOT NULL GROUP BY v.host.id";

    static final String QUERY_STARTING_MEMORY =
            "SELECT v.host.id, SUM(v.vm.osf.memoryMb) FROM VmRuntime v WHERE v.state = :starting AND v.host IS NOT NULL "
                    + "GROUP BY v.host.id";

    /** Kernel command line of the desktop image (root on the first virtio disk, serial console). */
    static final String DEFAULT_CMDLINE =
            "root=/dev/vda rw rootfstype=ext4 console=tty0 console=ttyS0,115200 net.ifnames=0";

    private static final Logger LOG = Logger.getLogger(VmLifecycle.class.getName());

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    @Inject
    HostCommandSender commands;

    @Inject
    ImageStorage images;

    @Inject
    ContainerLimits containers;

    /** Start: stopped (and unblocked) → starting, placed on the best host, StartVm sent. Refused with a clear error if impossible. */
    public void start(Vm vm) {
        VmRuntime runtime = vm.getRuntime();
        em.persist(vm.start(Instant.now()));
        Di di = vm.getOsf()
                .resolveUsable(vm.getDiTag())
                .orElseThrow(() -> new InvalidStateException(
                        VmError.NO_IMAGE,
                        "no usable disk image tagged '" + vm.getDiTag() + "' in OSF '"
                                + vm.getOsf().getName() + "'"));
        requirePlaced(di, di.getPath());
        StartVmCommand.DirectBoot boot = directBoot(di);
        if (boot != null) {
            requirePlaced(di, boot.kernelPath());
            if (boot.initrdPath() != null) {
                requirePlaced(di, boot.initrdPath());
            }
        }
        // an address stored before the range was enforced (or the network changed since) is not started
        VmNetwork.of(config, vm.getUser().getTenant().getId()).requireUsable(vm.getIp());
        Host host = chooseHost(vm.getOsf().getMemoryMb(), vm.getOsf().getKind());
        Instant now = Instant.now();
        runtime.placeOn(host, di, newVmaKey(), now);
        StartVmCommand command = startCommand(vm, HostCommandSender.newCorrelationId(), boot, null);
        commands.send(command);
        runtime.startSent(command.correlationId(), now);
    }

    /**
     * Sends the start in flight again, unchanged (same correlation id, VMA key and deadline), to a host that has not
     * shown it has it: a command can be routed toward a cluster node in the instant it dies and be held there
     * (docs/cluster.md, "A command sent while the agent moves"). The agent runs a command once whatever the number of
     * copies (its {@code TakenCommands}), so a copy that arrives later does nothing.
     */
    public void resendStart(VmRuntime runtime) {
        Vm vm = runtime.getVm();
        Instant deadline = runtime.getStateTs().plusSeconds(config.get(null, HostConfigKeys.VM_START_TIMEOUT));
        StartVmCommand command =
                startCommand(vm, runtime.getStartCommandId(), directBoot(runtime.getCurrentDi()), deadline);
        LOG.info(() -> "StartVm " + command.correlationId() + " of VM " + vm.getId() + " not taken by host "
                + command.hostName() + " since " + runtime.getStartSentAt() + ": sending it again");
        commands.send(command);
        runtime.startSent(command.correlationId(), Instant.now());
    }

    /** The StartVm of the VM's current placement; a null deadline is the sender's (the start timeout from now). */
    private StartVmCommand startCommand(Vm vm, String correlationId, StartVmCommand.DirectBoot boot, Instant deadline) {
        VmRuntime runtime = vm.getRuntime();
        Di di = runtime.getCurrentDi();
        String ip = Ipv4.normalise(vm.getIp());
        return StartVmCommand.builder(runtime.getHost().getName(), correlationId, vm.getId())
                .vmName(vm.getName())
                .image(di.getId(), di.getPath())
                .overlay(vm.getOsf().isUseOverlay(), false)
                .memoryMb(vm.getOsf().getMemoryMb())
                .cpus(1)
                .homeDiskSizeMb(vm.getOsf().getUserStorageMb())
                .network(macOf(ip), ip)
                .directBoot(boot)
                .vmaKey(runtime.vmaKey())
                .container(containers.forStart(vm.getOsf().getKind(), di))
                .deadline(deadline)
                .build();
    }

    /**
     * A fresh secret per start (contract C1): only the host that boots the VM and the L7R learn it, so nothing else
     * on the VM network — another VM above all — can call the VM's agent.
     */
    static String newVmaKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return java.util.HexFormat.of().formatHex(key);
    }

    /**
     * A host boots only files the VMAS placed in the image storage for the DI's OSF: a DI (or a {@code boot.*}
     * property) naming anything else — another tenant's image, a host file, a row from before uploads were the only
     * way in — is refused before any host is asked.
     */
    private void requirePlaced(Di di, String file) {
        if (!images.owns(di.getOsf().getId(), file)) {
            throw new InvalidStateException(
                    VmError.IMAGE_NOT_PLACED,
                    "disk image '" + di.getVersion() + "' of OSF '"
                            + di.getOsf().getName()
                            + "' names a file the VMAS did not place for this OSF: upload or import the "
                            + "image again");
        }
    }

    /**
     * Direct kernel boot for images without a boot loader (the desktop image of images/ ships its kernel and
     * initrd beside the qcow2): DI properties {@code boot.kernel}, {@code boot.initrd} (paths on the hosts,
     * relative ones in their image store) and {@code boot.cmdline}. No {@code boot.kernel}: the image boots itself.
     */
    StartVmCommand.DirectBoot directBoot(Di di) {
        Map<String, String> boot = em
                .createNamedQuery(Property.OF_OBJECT, Property.class)
                .setParameter("type", PropertyOwner.DI)
                .setParameter("objectId", di.getId())
                .getResultList()
                .stream()
                .filter(p -> p.getKey().startsWith("boot."))
                .collect(Collectors.toMap(Property::getKey, Property::getValue));
        String kernel = boot.get("boot.kernel");
        if (kernel == null || kernel.isBlank()) {
            return null;
        }
        return new StartVmCommand.DirectBoot(
                kernel, boot.get("boot.initrd"), boot.getOrDefault("boot.cmdline", DEFAULT_CMDLINE));
    }

    /** Stop: the VM goes to stopping and its host is told; a VM no host has taken yet stops at once. */
    public void stop(Vm vm) {
        VmRuntime runtime = vm.getRuntime();
        Host host = runtime.getHost();
        em.persist(runtime.requestStop(Instant.now()));
        if (host == null) {
            em.persist(runtime.moveTo(VmState.STOPPED, "stopped before a host took it", Instant.now()));
            return;
        }
        commands.send(new StopVmCommand(host.getName(), HostCommandSender.newCorrelationId(), vm.getId(), null));
    }

    /**
     * Asks every running host to delete a deleted VM's home disk: the host whose homes pool holds it (shared storage:
     * any; local storage: the one it ran on) deletes it, the others find none. Refused, so that the VM stays, when no
     * host runs that could do it. VM ids are never reused, so a late purge hits nobody else's home.
     */
    public void purgeHome(long vmId) {
        List<String> hosts = em.createQuery(
                        "SELECT r.host.name FROM HostRuntime r WHERE r.state = :running", String.class)
                .setParameter("running", org.qvd.vmas.host.entity.HostState.RUNNING)
                .getResultList();
        if (hosts.isEmpty()) {
            throw new InvalidStateException(
                    VmError.PURGE_NO_HOST, "no host is running to delete the VM's home disk; nothing was deleted");
        }
        hosts.forEach(h -> commands.send(new PurgeHomeCommand(h, HostCommandSender.newCorrelationId(), vmId)));
    }

    /** Asks a host to destroy a VM it runs but the VMAS does not expect there. */
    public void reap(String hostName, long vmId) {
        commands.send(new ReapVmCommand(hostName, HostCommandSender.newCorrelationId(), vmId));
    }

    /**
     * The placement: the candidates (one query) and the choice among them. Its time is logged at FINE by
     * {@code org.qvd.vmas.vm.control.VmLifecycle} ("placement took"), which bench/farm reads to time placement alone,
     * apart from the rest of a start (authentication, audit, transaction, command).
     */
    private Host chooseHost(long memoryMb, DesktopKind kind) {
        long began = System.nanoTime();
        List<Candidate> candidates = candidates();
        HostPlacement placement = new HostPlacement(
                config.get(null, HostConfigKeys.WEIGHT_RAM), config.get(null, HostConfigKeys.WEIGHT_CPU));
        Candidate chosen = placement
                .choose(candidates, memoryMb, kind)
                .orElseThrow(() -> new InvalidStateException(
                        VmError.NO_HOST,
                        candidates.stream().noneMatch(c -> c.kinds().contains(kind))
                                ? "no running, unblocked host offers " + kind.wireName() + " desktops"
                                : "no running, unblocked host offering " + kind.wireName() + " desktops has " + memoryMb
                                        + " MB free for this VM"));
        Host host = em.find(Host.class, chosen.hostId());
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format(
                    "placement took %.3f ms: host %s of %d candidates",
                    (System.nanoTime() - began) / 1e6, host.getName(), candidates.size()));
        }
        return host;
    }

    /** What placement knows of each running, unblocked host. */
    List<Candidate> candidates() {
        Map<Long, Long> vms = perHost(em.createQuery(QUERY_VMS_PER_HOST, Object[].class));
        Map<Long, Long> starting = perHost(
                em.createQuery(QUERY_STARTING_MEMORY, Object[].class).setParameter("starting", VmState.STARTING));
        return em
                .createQuery(QUERY_HOSTS, Object[].class)
                .setParameter("running", org.qvd.vmas.host.entity.HostState.RUNNING)
                .getResultList()
                .stream()
                .map(row -> candidate(row, vms, starting))
                .toList();
    }

    private static Map<Long, Long> perHost(jakarta.persistence.TypedQuery<Object[]> query) {
        Map<Long, Long> byHost = new java.util.HashMap<>();
        for (Object[] row : query.getResultList()) {
            byHost.put((Long) row[0], row[1] == null ? 0 : ((Number) row[1]).longValue());
        }
        return byHost;
    }

    private static Candidate candidate(Object[] row, Map<Long, Long> vms, Map<Long, Long> starting) {
        long hostId = (Long) row[0];
        return new Candidate(
                hostId,
                (String) row[1],
                row[2] == null ? 0 : ((Number) row[2]).longValue(),
                row[3] == null ? 1 : ((Number) row[3]).intValue(),
                row[4] == null ? 0 : ((Number) row[4]).doubleValue(),
                vms.getOrDefault(hostId, 0L).intValue(),
                starting.getOrDefault(hostId, 0L),
                Set.copyOf(DesktopKind.known(List.of(((String) row[5]).split(",")))));
    }

    /** The VM's MAC from the (global) prefix and its whole IP: unique IPs give unique MACs. */
    private String macOf(String ip) {
        return VmNetwork.mac(config.get(null, VmConfigKeys.MAC_PREFIX), ip);
    }
}
