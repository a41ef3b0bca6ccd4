package org.qvd.hkd.vm.control;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import java.lang.reflect.Field;
import org.libvirt.Network;
import org.qvd.hkd.platform.HkdException;

/**
 * {@code virNetworkUpdate} for DHCP host entries. libvirt-java 0.5.4 does not bind it, so this calls the C
 * function through JNA with the network handle libvirt-java holds. Updating a running network keeps its
 * VMs connected, which redefining and restarting it would not.
 */
final class NetworkUpdater {

    static final int COMMAND_DELETE = 2;
    static final int COMMAND_ADD_LAST = 3;
    private static final int SECTION_IP_DHCP_HOST = 4;
    private static final int AFFECT_LIVE = 1;
    private static final int AFFECT_CONFIG = 2;

    /** The two C functions this class needs. */
    interface NetworkApi extends Library {
        int virNetworkUpdate(Pointer network, int command, int section, int parentIndex, String xml, int flags);

        String virGetLastErrorMessage();
    }

    private static final NetworkApi API = Native.load("virt", NetworkApi.class);

    void update(Network network, int command, String hostXml, boolean live, boolean persistent) {
        int flags = (live ? AFFECT_LIVE : 0) | (persistent ? AFFECT_CONFIG : 0);
        int rc = API.virNetworkUpdate(handle(network), command, SECTION_IP_DHCP_HOST, -1, hostXml, flags);
        if (rc < 0) {
            throw new HkdException("updating DHCP host " + hostXml + " failed: " + API.virGetLastErrorMessage());
        }
    }

    private static Pointer handle(Network network) {
        try {
            Field field = Network.class.getDeclaredField("vnp");
            field.setAccessible(true);
            return ((PointerType) field.get(network)).getPointer();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("libvirt-java changed: no network handle", e);
        }
    }
}
