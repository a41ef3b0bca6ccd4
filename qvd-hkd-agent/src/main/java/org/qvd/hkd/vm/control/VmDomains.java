package org.qvd.hkd.vm.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;

/**
 * The QVD domains of this hypervisor: find, list, create, destroy. Domains are transient. Container desktops (issue 17)
 * are domains too when the host runs containers: describe, list, isRunning and destroy cover both kinds.
 */
public final class VmDomains {

    private final Connect connect;
    private final ContainerDomains containers;

    public VmDomains(Connect connect) {
        this(connect, null);
    }

    public VmDomains(Connect connect, ContainerDomains containers) {
        this.connect = connect;
        this.containers = containers;
    }

    /** The host's container desktops, if it runs any. */
    public Optional<ContainerDomains> containers() {
        return Optional.ofNullable(containers);
    }

    public Optional<Domain> find(long vmId) {
        String name = VmNames.domainName(vmId);
        return Libvirt.lookup("looking up domain " + name, () -> connect.domainLookupByName(name));
    }

    public boolean isActive(Domain domain) {
        return Libvirt.call("reading domain state", () -> domain.isActive() == 1);
    }

    /** Whether the VM's domain exists and runs. */
    public boolean isRunning(long vmId) {
        return find(vmId).map(this::isActiveOrGone).orElse(false)
                || (containers != null && containers.describe(vmId).isPresent());
    }

    public Optional<VmDomain> describe(long vmId) {
        Optional<VmDomain> container = containers == null ? Optional.empty() : containers.describe(vmId);
        return container.isPresent() ? container : describeLibvirt(vmId);
    }

    private Optional<VmDomain> describeLibvirt(long vmId) {
        return find(vmId)
                .flatMap(domain -> Libvirt.lookup(
                        "describing " + VmNames.domainName(vmId),
                        () -> DomainMetadata.read(
                                vmId, VmNames.domainName(vmId), domain.isActive() == 1, domain.getXMLDesc(0))));
    }

    /** Every QVD domain, running or merely defined, and every running QVD container. */
    public List<VmDomain> list() {
        List<String> names = new ArrayList<>();
        for (int id : Libvirt.call("listing domains", connect::listDomains)) {
            Libvirt.lookup(
                            "looking up domain " + id,
                            () -> connect.domainLookupByID(id).getName())
                    .ifPresent(names::add);
        }
        names.addAll(List.of(Libvirt.call("listing defined domains", connect::listDefinedDomains)));
        List<VmDomain> domains = new ArrayList<>();
        for (String name : names) {
            OptionalLong vmId = VmNames.vmIdOf(name);
            if (vmId.isPresent()) {
                describeLibvirt(vmId.getAsLong()).ifPresent(domains::add);
            }
        }
        if (containers != null) {
            domains.addAll(containers.list());
        }
        return domains;
    }

    /** Creates and starts a transient domain: it disappears when it stops, leaving nothing to undefine. */
    public void create(long vmId, String xml) {
        Libvirt.call("creating domain " + VmNames.domainName(vmId), () -> connect.domainCreateXML(xml, 0));
    }

    /** Destroys the VM's domain if it runs and undefines it if it is persistent; nothing if it is gone. */
    public void destroy(long vmId) {
        if (containers != null) {
            containers.destroy(vmId);
        }
        Optional<Domain> domain = find(vmId);
        if (domain.isEmpty()) {
            return;
        }
        String name = VmNames.domainName(vmId);
        Domain d = domain.get();
        if (isActiveOrGone(d)) {
            Libvirt.lookup("destroying " + name, () -> {
                d.destroy();
                return d;
            });
        }
        Libvirt.lookup("undefining " + name, () -> {
            if (d.isPersistent() == 1) {
                d.undefine();
            }
            return d;
        });
    }

    /** Waits until the VM's domain no longer runs; true if it stopped within the timeout. */
    public boolean awaitStopped(long vmId, Duration timeout, Duration poll) {
        Instant deadline = Instant.now().plus(timeout);
        while (isRunning(vmId)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Sleeper.sleep(poll);
        }
        return true;
    }

    private boolean isActiveOrGone(Domain domain) {
        return Libvirt.lookup("reading domain state", () -> domain.isActive() == 1)
                .orElse(false);
    }
}
