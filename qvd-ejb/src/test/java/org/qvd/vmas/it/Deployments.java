package org.qvd.vmas.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The test WAR: the VMAS classes and resources as the EJB module ships them, plus Flyway, bcrypt and AssertJ. */
public final class Deployments {

    private static final Path MAIN = Path.of("src/main/resources");

    private Deployments() {}

    public static WebArchive vmas(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(
                        true,
                        path -> {
                            String p = path.get();
                            return !p.endsWith("Test.class")
                                    && !p.contains("Test$")
                                    && !p.endsWith("/ItDatabase.class")
                                    && !p.endsWith("/Entities.class")
                                    && !p.endsWith("/TestIds.class");
                        },
                        "org.qvd")
                .addAsResource(MAIN.resolve("META-INF/persistence.xml").toFile(), "META-INF/persistence.xml")
                .addAsWebInfResource(MAIN.resolve("META-INF/beans.xml").toFile(), "beans.xml")
                .addAsWebInfResource(MAIN.resolve("META-INF/jboss-ejb3.xml").toFile(), "jboss-ejb3.xml")
                // the web module joins the "qvd" domain too, so the test can authenticate through Elytron
                .addAsWebInfResource(
                        new StringAsset("<jboss-web><security-domain>qvd</security-domain></jboss-web>"),
                        "jboss-web.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.wildfly.security.elytron\n"));
        try (Stream<Path> migrations = Files.list(MAIN.resolve("db/migration"))) {
            migrations.forEach(m -> war.addAsResource(m.toFile(), "db/migration/" + m.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        File[] libs = Maven.configureResolver()
                .workOffline()
                .loadPomFromFile("pom.xml")
                .resolve(
                        "org.flywaydb:flyway-core",
                        "org.flywaydb:flyway-database-postgresql",
                        "at.favre.lib:bcrypt",
                        "com.fasterxml.jackson.core:jackson-databind",
                        "org.assertj:assertj-core",
                        "org.awaitility:awaitility",
                        "com.unboundid:unboundid-ldapsdk",
                        "com.eatthepath:java-otp",
                        "commons-codec:commons-codec",
                        "com.google.zxing:core")
                .withTransitivity()
                .asFile();
        return war.addAsLibraries(libs);
    }
}
