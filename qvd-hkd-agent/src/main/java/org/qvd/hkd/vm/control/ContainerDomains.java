package org.qvd.hkd.vm.control;

import java.util.List;
import java.util.Optional;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.vm.StartVmCommand;

/**
 * Container desktops (issue 17) as the rest of the agent sees them: like libvirt domains, under the same name
 * {@code qvd-vm-<id>}, so that stop, reap, the end watcher, the VMA monitor, heartbeats and a restarted agent treat a
 * container exactly as a VM. Implemented by {@code org.qvd.hkd.container.control.ContainerDriver}.
 */
public interface ContainerDomains {

    /** Creates and starts the container of a {@link StartVmCommand#runsAsContainer() container start}. */
    void launch(StartVmCommand command);

    /** The container while it runs. */
    Optional<VmDomain> describe(long vmId);

    /** Every running QVD container. */
    List<VmDomain> list();

    /** Kills the container if it runs and removes everything of it but its home directory; nothing if it is gone. */
    void destroy(long vmId);

    /** Deletes the home directory of a deleted VM's container (PurgeHome); false when this host has none. */
    boolean purgeHome(long vmId);
}
