package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.image.boundary.DiDto;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.image.boundary.StagedImageDto;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.property.boundary.PropertyDto;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;

/**
 * Registering images from the staging directory (the server's {@code qvd.images.staging}, set for these ITs in
 * arquillian.xml), including the metadata file the image build writes for direct kernel boot.
 */
@ExtendWith(ArquillianExtension.class)
class StagingImportIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("staging-import-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Inject
    PropertyService properties;

    private static final Path STAGING = Path.of(System.getProperty("qvd.images.staging", "/nonexistent"));

    @Test
    void importsABuiltImageWithItsKernelAndBootPropertiesTaggedHeadAndDefault() throws Exception {
        String base = Scenario.unique("desktop");
        stageBuild(base, "20261126.1730-abc");
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, Scenario.unique("osf"), 512, true, 0, null, null)));

        assertThat(superadminOnly(() -> t.as(() -> dis.staged()))).isEqualTo("acl.superadmin_only");
        assertThat(superadminOnly(
                        () -> t.as(() -> dis.importStaged(new StagedDi(osf.id(), base + ".qcow2", null, null, true)))))
                .isEqualTo("acl.superadmin_only");
        StagedImageDto listed = As.superadmin(() -> dis.staged()).stream()
                .filter(s -> s.file().equals(base + ".qcow2"))
                .findFirst()
                .orElseThrow();
        assertThat(listed.version()).isEqualTo("20261126.1730-abc");
        assertThat(listed.directBoot()).isTrue();
        assertThat(As.superadmin(() -> dis.staged()))
                .extracting(StagedImageDto::file)
                .doesNotContain(base + ".json", base + ".vmlinuz", base + ".initrd");

        DiDto di = As.superadmin(() -> dis.importStaged(new StagedDi(osf.id(), base + ".qcow2", null, null, true)));

        assertThat(di.version()).isEqualTo("20261126.1730-abc");
        assertThat(di.tags()).contains("head", "default", "20261126.1730-abc");
        assertThat(di.description()).contains("built 2026-11-26T17:34:20Z (bookworm, inputs abc");
        Path image = Path.of(di.path());
        String prefix = "osf-" + osf.id() + "-";
        assertThat(image).hasFileName(prefix + base + ".qcow2").hasContent("qcow2 bytes of " + base);
        assertThat(image.getParent()).isEqualTo(Path.of(System.getProperty("qvd.images.dir")));
        Map<String, String> boot = t.as(() -> properties.list(PropertyOwner.DI, di.id())).stream()
                .collect(Collectors.toMap(PropertyDto::key, PropertyDto::value));
        assertThat(boot)
                .containsEntry(
                        "boot.kernel",
                        image.resolveSibling(prefix + base + ".vmlinuz").toString())
                .containsEntry(
                        "boot.initrd",
                        image.resolveSibling(prefix + base + ".initrd").toString())
                .containsEntry("boot.cmdline", "root=/dev/vda rw console=ttyS0");
        assertThat(image.resolveSibling(prefix + base + ".vmlinuz")).hasContent("kernel");
        assertThat(scenario.auditOfAction("di.import"))
                .anySatisfy(a -> assertThat(a.objectId()).isEqualTo(di.id()));

        // deleting the DI takes its image, kernel and initrd from the storage; the staged originals stay
        t.as(() -> {
            dis.delete(di.id());
            return null;
        });
        assertThat(image).doesNotExist();
        assertThat(image.resolveSibling(prefix + base + ".vmlinuz")).doesNotExist();
        assertThat(image.resolveSibling(prefix + base + ".initrd")).doesNotExist();
        assertThat(STAGING.resolve(base + ".qcow2")).exists();
    }

    private static String superadminOnly(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(QvdException.class);
        return ((QvdException) thrown).code();
    }

    @Test
    void importsAPlainImageWithTodaysVersionAndNoBootProperties() throws Exception {
        String file = Scenario.unique("plain") + ".qcow2";
        Files.createDirectories(STAGING);
        Files.writeString(STAGING.resolve(file), "plain image");
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, Scenario.unique("osf"), 512, true, 0, null, null)));

        DiDto di = As.superadmin(() -> dis.importStaged(new StagedDi(osf.id(), file, null, "mine", false)));

        assertThat(di.version()).matches("\\d{4}-\\d{2}-\\d{2}-001");
        assertThat(di.description()).isEqualTo("mine");
        assertThat(t.as(() -> properties.list(PropertyOwner.DI, di.id()))).isEmpty();
    }

    @Test
    void refusesMissingFilesPathsOutOfStagingAndDuplicatesWithoutTouchingTheExistingDi() throws Exception {
        String base = Scenario.unique("dup");
        stageBuild(base, "7.0");
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, Scenario.unique("osf"), 512, true, 0, null, null)));
        DiDto first = As.superadmin(() -> dis.importStaged(new StagedDi(osf.id(), base + ".qcow2", null, null, false)));

        assertThat(code(t, new StagedDi(osf.id(), "missing.qcow2", null, null, false)))
                .isEqualTo("di.staging_missing");
        assertThat(code(t, new StagedDi(osf.id(), "../../etc/passwd", null, null, false)))
                .isEqualTo("di.bad_file_name");
        assertThat(code(t, new StagedDi(osf.id(), base + ".qcow2", null, null, false)))
                .isEqualTo("di.duplicate");
        // another version of the same file name, but different bytes, must not replace the file a DI uses
        Files.delete(STAGING.resolve(base + ".qcow2"));
        Files.writeString(STAGING.resolve(base + ".qcow2"), "other bytes");
        assertThat(code(t, new StagedDi(osf.id(), base + ".qcow2", "8.0", null, false)))
                .isEqualTo("di.file_exists");
        assertThat(Path.of(first.path())).hasContent("qcow2 bytes of " + base);
        assertThat(t.as(() -> dis.get(first.id())).tags()).contains("head", "default");
    }

    private String code(Tenancy t, StagedDi request) {
        Throwable thrown =
                org.assertj.core.api.Assertions.catchThrowable(() -> As.superadmin(() -> dis.importStaged(request)));
        assertThat(thrown).isInstanceOf(QvdException.class);
        return ((QvdException) thrown).code();
    }

    /** What images/build.sh leaves in its output directory for one image. */
    private static void stageBuild(String base, String version) throws Exception {
        Files.createDirectories(STAGING);
        Files.writeString(STAGING.resolve(base + ".qcow2"), "qcow2 bytes of " + base);
        Files.writeString(STAGING.resolve(base + ".vmlinuz"), "kernel");
        Files.writeString(STAGING.resolve(base + ".initrd"), "initrd");
        Files.writeString(STAGING.resolve(base + ".json"), """
                {"name": "qvd-desktop", "version": "%s", "inputs_hash": "abc", "suite": "bookworm",
                 "built_at": "2026-11-26T17:34:20Z", "image": "%s.qcow2", "kernel": "%s.vmlinuz",
                 "initrd": "%s.initrd", "cmdline": "root=/dev/vda rw console=ttyS0", "packages": ["bash=5"]}
                """.formatted(version, base, base, base));
    }
}
