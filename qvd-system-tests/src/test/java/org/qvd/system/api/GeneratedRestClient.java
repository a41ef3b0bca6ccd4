package org.qvd.system.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.qvd.testsupport.SystemUnderTest;
import org.qvd.testsupport.TrustAll;

/**
 * What an integrator does with nothing but the served OpenAPI document: run openapi-generator's Java client
 * generator (library {@code native}: java.net.http and Jackson) on it, compile the sources as generated and call
 * the API through them. The classes exist only at test time, so the tests reach them by reflection.
 */
final class GeneratedRestClient {

    static final String PACKAGE = "com.example.qvd";

    private final ClassLoader loader;
    private final Object apiClient;

    private GeneratedRestClient(ClassLoader loader, Object apiClient) {
        this.loader = loader;
        this.apiClient = apiClient;
    }

    /** Generates, compiles and loads a client of {@code document} into {@code dir} (emptied first). */
    static GeneratedRestClient generate(String document, Path dir, String baseUri, String login, String password)
            throws Exception {
        SystemUnderTest.emptied(dir);
        Path spec = Files.createDirectories(dir).resolve("openapi.json");
        Files.writeString(spec, document, StandardCharsets.UTF_8);
        Path out = dir.resolve("generated");
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(out.toString())
                .setInvokerPackage(PACKAGE)
                .setApiPackage(PACKAGE + ".api")
                .setModelPackage(PACKAGE + ".model")
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(config.toClientOptInput()).generate();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        GeneratedSources.compile(out.resolve("src/main/java"), classes, "the OpenAPI document");
        URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedRestClient.class.getClassLoader());
        Object apiClient =
                loader.loadClass(PACKAGE + ".ApiClient").getConstructor().newInstance();
        apiClient
                .getClass()
                .getMethod("setHttpClientBuilder", HttpClient.Builder.class)
                .invoke(apiClient, HttpClient.newBuilder().sslContext(TrustAll.context()));
        apiClient.getClass().getMethod("updateBaseUri", String.class).invoke(apiClient, baseUri);
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        Consumer<HttpRequest.Builder> auth = b -> b.header("Authorization", basic);
        apiClient.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, auth);
        return new GeneratedRestClient(loader, apiClient);
    }

    /** A generated model filled through its setters, e.g. {@code model("NewTenant", Map.of("name", "acme"))}. */
    Object model(String name, Map<String, Object> fields) throws Exception {
        Object model =
                loader.loadClass(PACKAGE + ".model." + name).getConstructor().newInstance();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            String setter = "set" + Character.toUpperCase(f.getKey().charAt(0))
                    + f.getKey().substring(1);
            Method m = Arrays.stream(model.getClass().getMethods())
                    .filter(x -> x.getName().equals(setter))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no field " + f.getKey()));
            m.invoke(model, f.getValue());
        }
        return model;
    }

    /** A field of a generated model, through its getter. */
    static Object get(Object model, String field) throws Exception {
        return model.getClass()
                .getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1))
                .invoke(model);
    }

    /**
     * Calls {@code operation} (the generated method, e.g. {@code tenantResourceCreate}) of the generated
     * {@code api} class (e.g. {@code TenantsApi}); the generated {@code ApiException} is thrown as is.
     */
    Object call(String api, String operation, Object... args) throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".api." + api);
        Object instance = type.getConstructor(apiClient.getClass()).newInstance(apiClient);
        Method m = Arrays.stream(type.getMethods())
                .filter(x -> x.getName().equals(operation) && x.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + api + "." + operation + " generated"));
        try {
            return m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** Calls {@code operation} with arguments by parameter name; the others are null (not sent). */
    Object callNamed(String api, String operation, Map<String, Object> named) throws Exception {
        Class<?> type = loader.loadClass(PACKAGE + ".api." + api);
        Method m = Arrays.stream(type.getMethods())
                .filter(x -> x.getName().equals(operation))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + api + "." + operation + " generated"));
        Object[] args = Arrays.stream(m.getParameters())
                .map(p -> named.get(p.getName()))
                .toArray();
        return call(api, operation, args);
    }

    /** The HTTP status of a generated {@code ApiException}. */
    static int status(Exception apiException) throws Exception {
        return (int) apiException.getClass().getMethod("getCode").invoke(apiException);
    }
}
