package org.qvd.hkd.vm.control;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Network;
import org.qvd.hkd.vm.entity.VmNames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The fixed MAC→IP DHCP entries of the VMs on the self-managed libvirt network. Each entry is named after
 * the VM's domain, so it can be removed knowing only the VM id.
 */
public final class VmDhcp {

    private final Connect connect;
    private final String networkName;
    private final NetworkUpdater updater = new NetworkUpdater();

    public VmDhcp(Connect connect, String networkName) {
        this.connect = connect;
        this.networkName = networkName;
    }

    /** Adds the VM's entry; an entry already there is kept; stale ones clashing on name, MAC or IP go. */
    public void ensureHost(long vmId, String mac, String ip) {
        String name = VmNames.domainName(vmId);
        Network network = network();
        for (HostEntry entry : entries(network)) {
            if (entry.name().equals(name)
                    && entry.mac().equalsIgnoreCase(mac)
                    && entry.ip().equals(ip)) {
                return;
            }
            if (entry.name().equals(name)
                    || entry.mac().equalsIgnoreCase(mac)
                    || entry.ip().equals(ip)) {
                apply(network, NetworkUpdater.COMMAND_DELETE, entry);
            }
        }
        apply(network, NetworkUpdater.COMMAND_ADD_LAST, new HostEntry(name, mac, ip));
    }

    /** Removes the VM's entries, if any. */
    public void removeHost(long vmId) {
        String name = VmNames.domainName(vmId);
        Network network = network();
        for (HostEntry entry : entries(network)) {
            if (entry.name().equals(name)) {
                apply(network, NetworkUpdater.COMMAND_DELETE, entry);
            }
        }
    }

    /** The DHCP host entries of the network now. */
    public List<HostEntry> entries() {
        return entries(network());
    }

    private List<HostEntry> entries(Network network) {
        String xml = Libvirt.call("reading network " + networkName, () -> network.getXMLDesc(0));
        NodeList hosts = DomainMetadata.parse(xml).getElementsByTagName("host");
        List<HostEntry> entries = new ArrayList<>();
        for (int i = 0; i < hosts.getLength(); i++) {
            Element host = (Element) hosts.item(i);
            if ("dhcp".equals(host.getParentNode().getNodeName())) {
                entries.add(
                        new HostEntry(host.getAttribute("name"), host.getAttribute("mac"), host.getAttribute("ip")));
            }
        }
        return entries;
    }

    private void apply(Network network, int command, HostEntry entry) {
        boolean live = Libvirt.call("reading network state", () -> network.isActive() == 1);
        boolean persistent = Libvirt.call("reading network persistence", () -> network.isPersistent() == 1);
        updater.update(network, command, entry.toXml(), live, persistent);
    }

    private Network network() {
        return Libvirt.call("looking up network " + networkName, () -> connect.networkLookupByName(networkName));
    }

    /** One {@code <host>} element of the network's DHCP section. */
    public record HostEntry(String name, String mac, String ip) {

        String toXml() {
            Document doc = DomainXmlBuilder.newDocument();
            Element host = doc.createElement("host");
            host.setAttribute("mac", mac);
            host.setAttribute("name", name);
            host.setAttribute("ip", ip);
            doc.appendChild(host);
            return DomainXmlBuilder.serialize(doc).strip();
        }
    }
}
