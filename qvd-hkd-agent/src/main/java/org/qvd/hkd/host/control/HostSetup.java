package org.qvd.hkd.host.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.Network;
import org.libvirt.StoragePool;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.Libvirt;
import org.qvd.hkd.vm.entity.StorageLayout;
import org.w3c.dom.Element;

/**
 * Makes sure the storage pools and the VM network exist and are active before the agent takes commands.
 * What exists is left as it is (an operator may have tuned it); what is missing is defined from the
 * configuration.
 */
public final class HostSetup {

    private static final Logger LOG = Logger.getLogger(HostSetup.class.getName());

    private final Connect connect;
    private final HkdConfig config;
    private final StorageLayout layout;

    public HostSetup(Connect connect, HkdConfig config, StorageLayout layout) {
        this.connect = connect;
        this.config = config;
        this.layout = layout;
    }

    public void prepare() {
        pool(layout.imagesPool(), layout.imagesDir());
        pool(layout.overlaysPool(), layout.overlaysDir());
        pool(layout.homesPool(), layout.homesDir());
        network();
    }

    private void pool(String name, Path dir) {
        boolean local = !config.get(HkdConfig.LIBVIRT_URI).startsWith("test:");
        if (local) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new HkdException("cannot create storage directory " + dir + ": " + e.getMessage(), e);
            }
        }
        Optional<StoragePool> existing =
                Libvirt.lookup("looking up pool " + name, () -> connect.storagePoolLookupByName(name));
        StoragePool pool = existing.orElseGet(() -> {
            LOG.info(() -> "defining storage pool " + name + " at " + dir);
            return Libvirt.call("defining pool " + name, () -> connect.storagePoolDefineXML(poolXml(name, dir), 0));
        });
        if (Libvirt.call("reading pool state", pool::isActive) != 1) {
            Libvirt.run("starting pool " + name, () -> pool.create(0));
            Libvirt.run("marking pool " + name + " autostart", () -> pool.setAutostart(1));
        }
    }

    private void network() {
        String name = config.get(HkdConfig.NETWORK_NAME);
        Optional<Network> existing =
                Libvirt.lookup("looking up network " + name, () -> connect.networkLookupByName(name));
        Network network = existing.orElseGet(() -> {
            LOG.info(() -> "defining VM network " + name);
            return Libvirt.call("defining network " + name, () -> connect.networkDefineXML(networkXml()));
        });
        if (Libvirt.call("reading network state", network::isActive) != 1) {
            Libvirt.run("starting network " + name, network::create);
            Libvirt.run("marking network " + name + " autostart", () -> network.setAutostart(true));
        }
    }

    private static String poolXml(String name, Path dir) {
        return XmlText.of("pool", pool -> {
            pool.setAttribute("type", "dir");
            XmlText.add(pool, "name").setTextContent(name);
            XmlText.add(XmlText.add(pool, "target"), "path").setTextContent(dir.toString());
        });
    }

    /** The VM network: a bridge with this host's address and DHCP for fixed MAC→IP entries only. */
    String networkXml() {
        return XmlText.of("network", net -> {
            XmlText.add(net, "name").setTextContent(config.get(HkdConfig.NETWORK_NAME));
            String forward = config.get(HkdConfig.NETWORK_FORWARD);
            if (!"none".equals(forward)) {
                XmlText.add(net, "forward").setAttribute("mode", forward);
            }
            Element bridge = XmlText.add(net, "bridge");
            bridge.setAttribute("name", config.get(HkdConfig.NETWORK_BRIDGE));
            bridge.setAttribute("stp", "off");
            Element ip = XmlText.add(net, "ip");
            ip.setAttribute("address", config.get(HkdConfig.NETWORK_ADDRESS));
            ip.setAttribute("netmask", config.get(HkdConfig.NETWORK_NETMASK));
            XmlText.add(ip, "dhcp");
        });
    }
}
