package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a desktop runs as: a virtual machine (KVM/QEMU through libvirt) or a Linux container (LXC) sharing the host's
 * kernel. An OSF has one kind; a host offers one or both. Messages carry kinds as wire names (strings), so a newer
 * agent offering a kind this VMAS does not know is still understood ({@link #known}).
 */
public enum DesktopKind implements WireNamed {
    VM,
    CONTAINER;

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static DesktopKind fromWire(String wireName) {
        return WireNamed.fromWire(DesktopKind.class, "desktop kind", wireName);
    }

    /** The kinds among {@code wireNames} that this version knows, in declaration order; unknown names are dropped. */
    public static List<DesktopKind> known(Collection<String> wireNames) {
        List<DesktopKind> kinds = new ArrayList<>();
        for (DesktopKind value : values()) {
            if (wireNames != null && wireNames.contains(value.wireName())) {
                kinds.add(value);
            }
        }
        return kinds;
    }
}
