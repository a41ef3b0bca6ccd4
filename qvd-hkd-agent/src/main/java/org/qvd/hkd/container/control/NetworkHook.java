package org.qvd.hkd.container.control;

import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.container.entity.ContainerSpec;
import org.qvd.hkd.vm.entity.VmNames;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The script LXC runs on the host when the container's veth appears (before anything in the container runs) and when
 * it goes. It gives the container's network the VMs' isolation (docs/hkd-agent.md): the bridge port is isolated, so
 * no other VM or container on the bridge can reach it nor be reached from it, and libvirt's {@code clean-traffic}
 * filter with the VM's IP drops frames with another MAC, packets with another source IP and ARP spoofing. If either
 * fails, LXC aborts the start: a container never runs unisolated.
 */
public final class NetworkHook {

    private final String libvirtUri;

    public NetworkHook(String libvirtUri) {
        this.libvirtUri = libvirtUri;
    }

    /** The shell script (no value in it comes from a user: ids, a MAC and an IP validated by the protocol). */
    public String script(ContainerSpec s, Path bindingXml) {
        String veth = ContainerLayout.vethName(s.vmId());
        return """
                #!/bin/sh
                # Written by the QVD host agent for VM %d. LXC calls: <name> net up|down veth <bridge> <host veth>
                set -e
                case "$3" in
                up)
                    bridge link set dev %s isolated on
                    virsh -q -c '%s' nwfilter-binding-create '%s' >/dev/null
                    ;;
                down)
                    virsh -q -c '%s' nwfilter-binding-delete %s >/dev/null 2>&1 || true
                    ;;
                esac
                """.formatted(s.vmId(), veth, libvirtUri, bindingXml, libvirtUri, veth);
    }

    /** libvirt's filter binding of the container's veth: what libvirt puts on a VM's interface, for a foreign port. */
    public static String filterBinding(ContainerSpec s) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element binding = doc.createElement("filterbinding");
            doc.appendChild(binding);
            Element owner = child(binding, "owner");
            child(owner, "name").setTextContent(ContainerLayout.name(s.vmId()));
            child(owner, "uuid").setTextContent(VmNames.domainUuid(s.vmId()).toString());
            child(binding, "portdev").setAttribute("name", ContainerLayout.vethName(s.vmId()));
            child(binding, "mac").setAttribute("address", s.mac());
            Element filter = child(binding, "filterref");
            filter.setAttribute("filter", "clean-traffic");
            Element ip = child(filter, "parameter");
            ip.setAttribute("name", "IP");
            ip.setAttribute("value", s.ip());
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot build the filter binding XML", e);
        }
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }
}
