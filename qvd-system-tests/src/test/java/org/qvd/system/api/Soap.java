package org.qvd.system.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.qvd.testsupport.TrustAll;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A dynamic SOAP 1.1 client driven by the served WSDL: it reads the target namespace, the
 * operations and the endpoint address from the WSDL and sends document/literal-wrapped requests
 * (real SOAP on the wire; no JAX-WS runtime is on this module's class path).
 */
final class Soap {

    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final HttpClient CLIENT = TrustAll.httpClient();

    final Document wsdl;
    final String namespace;
    final String address;
    private final String authorization;

    /** The answer: the response element, or the fault's detail (code, status, detail, errorId). */
    record Result(Element body, Map<String, String> fault) {
        List<Map<String, String>> items(String name) {
            List<Map<String, String>> out = new ArrayList<>();
            NodeList nodes = body.getElementsByTagName(name);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(fields((Element) nodes.item(i)));
            }
            return out;
        }

        Map<String, String> item(String name) {
            return items(name).get(0);
        }
    }

    Soap(String wsdlUrl, String login, String password) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(
                HttpRequest.newBuilder(URI.create(wsdlUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("WSDL: HTTP " + r.statusCode());
        }
        wsdl = parse(r.body());
        namespace = wsdl.getDocumentElement().getAttribute("targetNamespace");
        Element soapAddress = (Element) wsdl.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address")
                .item(0);
        address = soapAddress.getAttribute("location");
        authorization = "Basic "
                + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<String> operations() {
        List<String> out = new ArrayList<>();
        NodeList ops = wsdl.getElementsByTagNameNS(WSDL_NS, "portType").item(0).getChildNodes();
        for (int i = 0; i < ops.getLength(); i++) {
            if (ops.item(i) instanceof Element e && "operation".equals(e.getLocalName())) {
                out.add(e.getAttribute("name"));
            }
        }
        return out;
    }

    /** Calls an operation with its parameters in order (null values are left out). */
    Result call(String operation, Object... nameValues) throws Exception {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                params.append('<')
                        .append(nameValues[i])
                        .append('>')
                        .append(escape(String.valueOf(nameValues[i + 1])))
                        .append("</")
                        .append(nameValues[i])
                        .append('>');
            }
        }
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"" + SOAP_ENV + "\"><s:Body>"
                + "<q:" + operation + " xmlns:q=\"" + namespace + "\">" + params + "</q:" + operation + ">"
                + "</s:Body></s:Envelope>";
        HttpResponse<byte[]> r = CLIENT.send(
                HttpRequest.newBuilder(URI.create(address))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"\"")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(envelope))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Document answer = parse(r.body());
        Element body = (Element) answer.getElementsByTagNameNS(SOAP_ENV, "Body").item(0);
        NodeList faults = body.getElementsByTagNameNS(SOAP_ENV, "Fault");
        if (faults.getLength() > 0) {
            Element info = (Element) ((Element) faults.item(0))
                    .getElementsByTagNameNS(namespace, "QvdFault")
                    .item(0);
            return new Result(body, fields(info));
        }
        return new Result(firstElement(body), null);
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return parent;
    }

    static Map<String, String> fields(Element element) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.put(e.getLocalName() != null ? e.getLocalName() : e.getTagName(), e.getTextContent());
            }
        }
        return out;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
