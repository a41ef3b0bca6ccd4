package org.qvd.system.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parent POM compiles the deployments against the server's own libraries (Hibernate, Artemis, Elytron,
 * MicroProfile, Micrometer…) at versions it manages itself, because WildFly 39.0.1's BOM is not served. Each of those
 * versions must be the one the provisioned server ships, or code that compiles fails at run time in the EAR.
 */
class ServerComponentVersionsTest {

    private static final String PREFIX = "qvd.server.component.";

    @Test
    void everyManagedServerComponentIsTheVersionTheProvisionedServerShips() throws IOException {
        Path modules = Path.of(System.getProperty("qvd.wildfly.home"), "modules");
        assertThat(modules).as("the provisioned server (qvd-wildfly)").isDirectory();
        Map<String, String> expected = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> expected.put(name.substring(PREFIX.length()), System.getProperty(name)));
        assertThat(expected).as("components named by the POM").hasSizeGreaterThan(10);

        Set<String> jars;
        try (Stream<Path> files = Files.walk(modules)) {
            jars = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .collect(Collectors.toSet());
        }
        Map<String, String> mismatches = new TreeMap<>();
        expected.forEach((artifact, version) -> {
            if (!jars.contains(artifact + "-" + version + ".jar")) {
                mismatches.put(
                        artifact + " " + version,
                        "server has "
                                + jars.stream()
                                        .filter(jar -> jar.startsWith(artifact + "-"))
                                        .sorted()
                                        .toList());
            }
        });
        assertThat(mismatches).as("managed version vs the server's jar").isEmpty();
    }
}
