package org.qvd.hkd.vm.entity;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Names the agent derives from a VM id, so that any agent process (also after a restart) finds what an
 * earlier one created without keeping state of its own.
 */
public final class VmNames {

    public static final String DOMAIN_PREFIX = "qvd-vm-";

    private VmNames() {}

    public static String domainName(long vmId) {
        return DOMAIN_PREFIX + vmId;
    }

    /** The VM id of a QVD domain name, empty for any other domain. */
    public static OptionalLong vmIdOf(String domainName) {
        if (domainName == null || !domainName.startsWith(DOMAIN_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(domainName.substring(DOMAIN_PREFIX.length()));
            return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A stable domain UUID: libvirt only redefines a name with the same UUID. */
    public static UUID domainUuid(long vmId) {
        return UUID.nameUUIDFromBytes(("qvd-vm/" + vmId).getBytes(StandardCharsets.UTF_8));
    }

    /** The throw-away overlay, recreated at each start and deleted at each stop. */
    public static String overlayVolume(long vmId) {
        return DOMAIN_PREFIX + vmId + "-overlay.qcow2";
    }

    /** The overlay kept across starts when the OSF asks for persistence; the HKD never deletes it. */
    public static String persistentOverlayVolume(long vmId) {
        return DOMAIN_PREFIX + vmId + "-persistent.qcow2";
    }

    /** The user's home disk; created once, never deleted by the HKD. */
    public static String homeVolume(long vmId) {
        return DOMAIN_PREFIX + vmId + "-home.qcow2";
    }
}
