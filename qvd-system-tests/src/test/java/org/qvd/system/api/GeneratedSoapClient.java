package org.qvd.system.api;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.tools.common.ToolContext;
import org.apache.cxf.tools.wsdlto.WSDLToJava;
import org.apache.cxf.transport.http.HTTPConduit;
import org.qvd.testsupport.SystemUnderTest;
import org.qvd.testsupport.TrustAll;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What an integrator does with nothing but the served WSDL: download it (and any schema it imports), run
 * Apache CXF's wsdl2java on it with default options, compile the generated sources and call the service
 * through them. The classes exist only at test time, so the tests reach them by reflection; the generated
 * code itself is plain typed JAX-WS.
 */
final class GeneratedSoapClient {

    /** wsdl2java's default package for the namespace {@code urn:qvd:provisioning:1}. */
    static final String PACKAGE = "qvd.provisioning._1";

    private final ClassLoader loader;
    private final URL wsdl;

    private GeneratedSoapClient(ClassLoader loader, URL wsdl) {
        this.loader = loader;
        this.wsdl = wsdl;
    }

    /** A typed SOAP fault as the generated exception carries it. */
    record Fault(String code, int status, String detail) {}

    /** Generates, compiles and loads the client into {@code dir} (emptied first). */
    static GeneratedSoapClient generate(String wsdlUrl, Path dir) throws Exception {
        SystemUnderTest.emptied(dir);
        Path wsdl = download(URI.create(wsdlUrl), dir.resolve("wsdl"), "service.wsdl", new HashMap<>());
        Path sources = dir.resolve("src");
        new WSDLToJava(new String[] {"-d", sources.toString(), wsdl.toString()}).run(new ToolContext());
        Path classes = Files.createDirectories(dir.resolve("classes"));
        GeneratedSources.compile(sources, classes, "the WSDL");
        URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedSoapClient.class.getClassLoader());
        return new GeneratedSoapClient(loader, wsdl.toUri().toURL());
    }

    /**
     * Saves a WSDL or schema and, recursively, what it imports or includes, rewriting each location to
     * the local copy: wsdl2java then reads only files (the server's certificate is self-signed).
     */
    private static Path download(URI uri, Path dir, String fileName, Map<URI, String> saved) throws Exception {
        saved.put(uri, fileName);
        HttpResponse<byte[]> r = TrustAll.httpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + uri + ": HTTP " + r.statusCode());
        }
        Document doc = Soap.parse(r.body());
        List<Element> imports = new ArrayList<>();
        collect(doc.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "*"), "schemaLocation", imports);
        collect(doc.getElementsByTagNameNS(Soap.WSDL_NS, "import"), "location", imports);
        for (Element e : imports) {
            String attribute = e.hasAttribute("schemaLocation") ? "schemaLocation" : "location";
            URI target = uri.resolve(e.getAttribute(attribute));
            String local = saved.get(target);
            if (local == null) {
                local = fileName.replaceAll("\\..*$", "") + "-" + imports.indexOf(e)
                        + (e.getNamespaceURI().equals(Soap.WSDL_NS) ? ".wsdl" : ".xsd");
                download(target, dir, local, saved);
            }
            e.setAttribute(attribute, local);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void collect(NodeList nodes, String attribute, List<Element> into) {
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute(attribute)) {
                into.add(e);
            }
        }
    }

    /** A port of the generated {@code ProvisioningService}, logged in with Basic, trusting the test certificate. */
    Port port(String login, String password) throws Exception {
        Object port = newPort();
        Map<String, Object> request = ((BindingProvider) port).getRequestContext();
        request.put(BindingProvider.USERNAME_PROPERTY, login);
        request.put(BindingProvider.PASSWORD_PROPERTY, password);
        return new Port(port, loader.loadClass(PACKAGE + ".ProvisioningFault"));
    }

    /** A port that sends a bearer token from {@code POST /api/v1/auth/token} as a plain HTTP header. */
    Port bearerPort(String token) throws Exception {
        Object port = newPort();
        ((BindingProvider) port)
                .getRequestContext()
                .put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of("Bearer " + token)));
        return new Port(port, loader.loadClass(PACKAGE + ".ProvisioningFault"));
    }

    private Object newPort() throws Exception {
        Class<?> service = loader.loadClass(PACKAGE + ".ProvisioningService");
        Object instance = service.getConstructor(URL.class).newInstance(wsdl);
        Object port = service.getMethod("getProvisioningPort").invoke(instance);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(TrustAll.context());
        tls.setDisableCNCheck(true);
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setTlsClientParameters(tls);
        return port;
    }

    /** Calls operations by name on the generated port. */
    record Port(Object proxy, Class<?> faultType) {

        /** Invokes {@code operation}; the generated fault or any other exception is thrown as is. */
        Object call(String operation, Object... args) throws Exception {
            Method m = Arrays.stream(proxy.getClass().getMethods())
                    .filter(x -> x.getName().equals(operation))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no operation " + operation + " generated"));
            try {
                return m.invoke(proxy, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }

        /** Invokes {@code operation} expecting the generated {@code ProvisioningFault}; answers its detail. */
        Fault fault(String operation, Object... args) throws Exception {
            try {
                Object answer = call(operation, args);
                throw new AssertionError(operation + " answered " + answer + " instead of a fault");
            } catch (Exception e) {
                if (!faultType.isInstance(e)) {
                    throw e;
                }
                Object info = property(e, "faultInfo");
                return new Fault((String) property(info, "code"), (Integer) property(info, "status"), (String)
                        property(info, "detail"));
            }
        }
    }

    /** A bean property of a generated type through its getter ({@code getX} or {@code isX}). */
    static Object property(Object bean, String name) throws Exception {
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : bean.getClass().getMethods()) {
            boolean getter = m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix);
            if (getter && m.getParameterCount() == 0) {
                return m.invoke(bean);
            }
        }
        throw new AssertionError(
                "no property " + name + " on " + bean.getClass().getName());
    }
}
