package org.qvd.hkd.vm.control;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.qvd.hkd.vm.entity.VmDomain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads back the QVD metadata and memory of a domain from its XML description. */
public final class DomainMetadata {

    public static final String NAMESPACE = "https://qvd.org/xmlns/hkd/1";
    public static final String PREFIX = "qvd";
    /** SMBIOS type-11 OEM string carrying the VMA key (contract C1; the VMA reads it at start). */
    public static final String VMA_KEY_ENTRY = "qvd.vma.key=";

    private DomainMetadata() {}

    /** The domain as the agent sees it; ip and mac are null if it has no QVD metadata. */
    public static VmDomain read(long vmId, String domainName, boolean active, String domainXml) {
        Document doc = parse(domainXml);
        NodeList vms = doc.getElementsByTagNameNS(NAMESPACE, "vm");
        Element vm = vms.getLength() == 0 ? null : (Element) vms.item(0);
        return new VmDomain(
                vmId, domainName, active, attribute(vm, "ip"), attribute(vm, "mac"), memoryMb(doc), vmaKey(doc));
    }

    /** The key the guest reads from its SMBIOS OEM strings (a restarted agent still knows it). */
    private static String vmaKey(Document doc) {
        NodeList entries = doc.getElementsByTagName("entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String text = entry.getTextContent().trim();
            if (entry.getParentNode() != null
                    && "oemStrings".equals(entry.getParentNode().getNodeName())
                    && text.startsWith(VMA_KEY_ENTRY)) {
                return text.substring(VMA_KEY_ENTRY.length());
            }
        }
        return null;
    }

    private static String attribute(Element element, String name) {
        return element == null || !element.hasAttribute(name) ? null : element.getAttribute(name);
    }

    private static int memoryMb(Document doc) {
        NodeList memory = doc.getElementsByTagName("memory");
        if (memory.getLength() == 0) {
            return 0;
        }
        Element element = (Element) memory.item(0);
        long amount = Long.parseLong(element.getTextContent().trim());
        String unit = element.getAttribute("unit");
        return (int)
                switch (unit.isEmpty() ? "KiB" : unit) {
                    case "b", "bytes" -> amount / (1024 * 1024);
                    case "MiB", "M" -> amount;
                    case "GiB", "G" -> amount * 1024;
                    default -> amount / 1024;
                };
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("unreadable libvirt XML: " + e.getMessage(), e);
        }
    }
}
