package org.qvd.vmas.vm.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.stream.Collectors;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.VmError;

/**
 * What a container desktop needs beyond a VM's start parameters (issue 17): its image must be a root file system
 * archive, and its CPU weight and process limit come from the OSF's properties {@code container.cpu.shares} and
 * {@code container.pids.max} (memory is the OSF's memory, as for a VM).
 */
@ApplicationScoped
public class ContainerLimits {

    static final String CPU_SHARES = "container.cpu.shares";
    static final String PIDS_MAX = "container.pids.max";
    static final int DEFAULT_CPU_SHARES = 1024;
    /** Enough for a desktop session with a browser; a fork bomb stops here instead of at the host's limit. */
    static final int DEFAULT_PIDS_MAX = 2048;

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /**
     * The container limits for a start of {@code di}, or {@code null} for a VM. A VM's qcow2 is never handed to the
     * container driver nor an archive to libvirt: the mismatch is refused before any host is asked.
     */
    public StartVmCommand.Container forStart(DesktopKind kind, Di di) {
        boolean archive = isRootfsArchive(di.getPath());
        if (archive != (kind == DesktopKind.CONTAINER)) {
            throw new InvalidStateException(
                    VmError.IMAGE_KIND,
                    "disk image '" + di.getVersion() + "' of OSF '"
                            + di.getOsf().getName() + "' is "
                            + (archive
                                    ? "a container root file system archive"
                                    : "not a " + "container root file system archive (.tar)")
                            + " but the OSF's desktops are "
                            + kind.wireName() + "s");
        }
        if (kind != DesktopKind.CONTAINER) {
            return null;
        }
        Map<String, String> props = em
                .createNamedQuery(Property.OF_OBJECT, Property.class)
                .setParameter("type", PropertyOwner.OSF)
                .setParameter("objectId", di.getOsf().getId())
                .getResultList()
                .stream()
                .filter(p -> p.getKey().startsWith("container."))
                .collect(Collectors.toMap(Property::getKey, Property::getValue));
        try {
            return new StartVmCommand.Container(
                    number(props, CPU_SHARES, DEFAULT_CPU_SHARES), number(props, PIDS_MAX, DEFAULT_PIDS_MAX));
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException(
                    VmError.CONTAINER_LIMITS,
                    "OSF '" + di.getOsf().getName() + "' has an invalid container limit: " + e.getMessage());
        }
    }

    /** The image build's container output: {@code <name>-<version>.rootfs.tar}. */
    public static boolean isRootfsArchive(String path) {
        return path != null && path.endsWith(".tar");
    }

    private static int number(Map<String, String> props, String key, int dflt) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
        }
    }
}
