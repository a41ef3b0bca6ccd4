package org.qvd.hkd.vm.control;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.qvd.hkd.vm.entity.DomainSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds libvirt domain XML with DOM, so values are always escaped. The QVD metadata element lets a later
 * agent process recognise the VM (see {@link DomainMetadata}).
 */
public final class DomainXmlBuilder {
    /** Where libvirt's virtlogd keeps each guest's serial console ({@code <domain>-console.log}). */
    public static final String CONSOLE_LOG_DIR = "/var/log/libvirt/qemu";

    public String build(DomainSpec spec) {
        Document doc = newDocument();
        Element domain = doc.createElement("domain");
        doc.appendChild(domain);
        domain.setAttribute("type", spec.domainType());
        text(domain, "name", spec.domainName());
        text(domain, "uuid", spec.uuid().toString());
        text(domain, "title", spec.vmName());
        metadata(domain, spec);
        sysinfo(domain, spec);
        text(domain, "memory", Integer.toString(spec.memoryMb())).setAttribute("unit", "MiB");
        text(domain, "vcpu", Integer.toString(spec.cpus()));
        os(domain, spec);
        // without ACPI a guest's poweroff only halts and the domain keeps running
        child(child(domain, "features"), "acpi");
        text(domain, "on_poweroff", "destroy");
        text(domain, "on_reboot", "restart");
        text(domain, "on_crash", "destroy");
        devices(domain, spec);
        return serialize(doc);
    }

    private static void metadata(Element domain, DomainSpec spec) {
        Element vm = domain.getOwnerDocument().createElementNS(DomainMetadata.NAMESPACE, DomainMetadata.PREFIX + ":vm");
        vm.setAttribute("id", Long.toString(spec.vmId()));
        vm.setAttribute("ip", spec.ip());
        vm.setAttribute("mac", spec.mac());
        child(domain, "metadata").appendChild(vm);
    }

    /**
     * The VMA key as SMBIOS type-11 OEM string: the guest's VMA reads it (root-only) and then demands it on every
     * call, so other VMs on the network cannot drive this VM's VMA (contract C1).
     */
    private static void sysinfo(Element domain, DomainSpec spec) {
        if (spec.vmaKey() == null) {
            return;
        }
        Element sysinfo = child(domain, "sysinfo");
        sysinfo.setAttribute("type", "smbios");
        text(child(sysinfo, "oemStrings"), "entry", DomainMetadata.VMA_KEY_ENTRY + spec.vmaKey());
    }

    private static void os(Element domain, DomainSpec spec) {
        Element os = child(domain, "os");
        text(os, "type", "hvm").setAttribute("arch", spec.arch());
        if (spec.vmaKey() != null) {
            child(os, "smbios").setAttribute("mode", "sysinfo");
        }
        if (spec.kernelPath() != null) {
            text(os, "kernel", spec.kernelPath());
            if (spec.initrdPath() != null) {
                text(os, "initrd", spec.initrdPath());
            }
            if (spec.kernelCmdline() != null) {
                text(os, "cmdline", spec.kernelCmdline());
            }
        } else {
            child(os, "boot").setAttribute("dev", "hd");
        }
    }

    private static void devices(Element domain, DomainSpec spec) {
        Element devices = child(domain, "devices");
        disk(devices, spec.osDiskPath(), "vda", spec.osDiskReadOnly());
        if (spec.homeDiskPath() != null) {
            disk(devices, spec.homeDiskPath(), "vdb", false);
        }
        Element nic = child(devices, "interface");
        nic.setAttribute("type", "network");
        child(nic, "mac").setAttribute("address", spec.mac());
        child(nic, "source").setAttribute("network", spec.networkName());
        child(nic, "model").setAttribute("type", "virtio");
        // issue 12: a VM reaches no other VM (isolated bridge ports: only the host may talk to a VM's VMA and
        // nxagent), and cannot pretend to be another (clean-traffic: its own MAC and IP only, no ARP spoofing)
        child(nic, "port").setAttribute("isolated", "yes");
        Element filter = child(nic, "filterref");
        filter.setAttribute("filter", "clean-traffic");
        Element ip = child(filter, "parameter");
        ip.setAttribute("name", "IP");
        ip.setAttribute("value", spec.ip());
        // a serial console keeps boot messages reachable (virsh console) when the VMA never answers; virtlogd also
        // keeps it in a file (the guest's boot and the VMA's log: the guest writes its journal to the console)
        Element serial = child(devices, "serial");
        serial.setAttribute("type", "pty");
        Element log = child(serial, "log");
        log.setAttribute("file", CONSOLE_LOG_DIR + "/" + spec.domainName() + "-console.log");
        log.setAttribute("append", "off");
        child(devices, "console").setAttribute("type", "pty");
        child(devices, "memballoon").setAttribute("model", "virtio");
    }

    private static void disk(Element devices, String path, String target, boolean readOnly) {
        Element disk = child(devices, "disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", "disk");
        Element driver = child(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", "qcow2");
        child(disk, "source").setAttribute("file", path);
        Element targetElement = child(disk, "target");
        targetElement.setAttribute("dev", target);
        targetElement.setAttribute("bus", "virtio");
        if (readOnly) {
            child(disk, "readonly");
        }
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static Element text(Element parent, String name, String value) {
        Element element = child(parent, name);
        element.setTextContent(value);
        return element;
    }

    static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().strip() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize XML", e);
        }
    }
}
