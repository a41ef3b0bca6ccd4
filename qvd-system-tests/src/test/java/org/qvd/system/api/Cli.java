package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.qvd.launcher.QvdSystem;

/**
 * Runs the built {@code qvd-admin.jar} in this JVM (its own class loader, its own environment map),
 * which is what {@code java -jar qvd-admin.jar} runs minus the JVM start.
 */
public final class Cli {

    private static URLClassLoader loader;

    /** One run: exit code, standard output and error. */
    public record Run(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return Api.JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }

        public Run ok() {
            assertThat(exit).as("exit code; stderr: %s", err).isZero();
            return this;
        }
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("qvd.source.root", "."), "qvd-cli/target/qvd-admin.jar");
        assertThat(jar).as("build the CLI first: mvn -o -pl qvd-cli package").exists();
        return jar;
    }

    public static Map<String, String> env(QvdSystem system, String login, String password) {
        // QVD_HOME: the CLI trusts the installation CA under it (tls/ca.pem), as on the server itself
        return Map.of(
                "QVD_API_URL",
                Api.root(system) + "/api",
                "QVD_ADMIN_LOGIN",
                login,
                "QVD_ADMIN_PASSWORD",
                password,
                "QVD_HOME",
                system.config().home().toString());
    }

    public static Run run(Map<String, String> env, String... args) {
        try {
            Class<?> admin = loader().loadClass("org.qvd.cli.platform.QvdAdmin");
            Object instance = admin.getConstructor(Map.class, Path.class)
                    .newInstance(env, Files.createTempDirectory("qvd-admin-home"));
            Object commandLine = admin.getMethod("commandLine", admin).invoke(null, instance);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Class<?> cl = commandLine.getClass();
            cl.getMethod("setOut", PrintWriter.class).invoke(commandLine, new PrintWriter(out, true));
            cl.getMethod("setErr", PrintWriter.class).invoke(commandLine, new PrintWriter(err, true));
            Method execute = cl.getMethod("execute", String[].class);
            int exit = (int) execute.invoke(commandLine, (Object) args);
            return new Run(exit, out.toString(), err.toString());
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized ClassLoader loader() throws IOException {
        if (loader == null) {
            loader = new URLClassLoader(new URL[] {jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }
}
