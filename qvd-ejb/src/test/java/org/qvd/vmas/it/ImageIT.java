package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.image.boundary.DiDto;
import org.qvd.vmas.image.boundary.DiRequests.DiFilter;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfFilter;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.image.entity.DiTagException;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.list.PageRequest;

/** OSFs and disk images with the tag rules, on the real schema. */
@ExtendWith(ArquillianExtension.class)
class ImageIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("image-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Test
    void managesAnOsfAndRefusesDuplicatesAndDeletingOneWithImages() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "debian", null, null, null, null, null)));
        assertThat(osf.memoryMb()).isEqualTo(256);
        assertThat(osf.useOverlay()).isTrue();
        assertThat(t.as(() -> osfs.update(osf.id(), new OsfUpdate(null, 1024, false, 2048, "big", null))))
                .extracting(OsfDto::memoryMb, OsfDto::useOverlay, OsfDto::userStorageMb)
                .containsExactly(1024, false, 2048);
        assertThatThrownBy(() -> t.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null, null))))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("osf.duplicate");
        assertThatThrownBy(() -> t.as(() -> osfs.create(new NewOsf(null, "tiny", 0, true, 0, null, null))))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("validation.failed");
        DiDto di = t.as(
                () -> dis.upload(new UploadedDi(osf.id(), "1.0", "debian.qcow2", null, null), TestImages.content()));
        assertThatThrownBy(() -> t.as(() -> {
                    osfs.delete(osf.id());
                    return null;
                }))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("osf.in_use");
        t.as(() -> {
            dis.delete(di.id());
            osfs.delete(osf.id());
            return null;
        });
        assertThat(t.as(() -> osfs.list(new OsfFilter(null, "debian"), PageRequest.first(5)))
                        .total())
                .isZero();
    }

    @Test
    void keepsHeadOnTheNewestAndDefaultOnTheFirstDi() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "ubuntu", 512, true, 0, null, null)));
        DiDto first =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), "1.0", "u1.qcow2", null, null), TestImages.content()));
        assertThat(first.tags()).containsExactlyInAnyOrder("1.0", "head", "default");
        DiDto second =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), null, "u2.qcow2", null, null), TestImages.content()));
        assertThat(second.version()).matches("\\d{4}-\\d{2}-\\d{2}-001");
        assertThat(second.tags()).containsExactlyInAnyOrder(second.version(), "head");
        assertThat(t.as(() -> dis.get(first.id())).tags()).containsExactlyInAnyOrder("1.0", "default");
    }

    @Test
    void movesTagsBetweenDisAndProtectsFixedAndReservedOnes() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "fedora", 512, true, 0, null, null)));
        DiDto first =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), "1.0", "f1.qcow2", null, null), TestImages.content()));
        DiDto second =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), "2.0", "f2.qcow2", null, null), TestImages.content()));
        t.as(() -> dis.tag(first.id(), "testing"));
        assertThat(t.as(() -> dis.tag(second.id(), "testing")).tags()).contains("testing");
        assertThat(t.as(() -> dis.get(first.id())).tags()).doesNotContain("testing");
        assertThat(t.as(() -> dis.tag(second.id(), "default")).tags()).contains("default", "head");
        assertThatThrownBy(() -> t.as(() -> dis.tag(second.id(), "1.0")))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.tag_fixed");
        assertThatThrownBy(() -> t.as(() -> dis.untag(second.id(), "head")))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.tag_reserved");
        assertThat(t.as(() -> dis.untag(second.id(), "testing")).tags()).doesNotContain("testing");
        assertThat(scenario.auditOf("di", second.id())).anyMatch(e -> e.result().equals("di.tag_fixed"));
        assertThatThrownBy(() -> t.as(() ->
                        dis.upload(new UploadedDi(osf.id(), "2.0", "dup.qcow2", null, null), TestImages.content())))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.duplicate");
    }

    @Test
    void deletingTheHeadAndDefaultDiHandsTheTagsToTheNewestRemaining() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "arch", 512, true, 0, null, null)));
        DiDto first =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), "1", "a1.qcow2", null, null), TestImages.content()));
        DiDto second =
                t.as(() -> dis.upload(new UploadedDi(osf.id(), "2", "a2.qcow2", null, null), TestImages.content()));
        DiDto third = t.as(
                () -> dis.upload(new UploadedDi(osf.id(), "3", "a3.qcow2", null, "default"), TestImages.content()));
        assertThat(third.tags()).containsExactlyInAnyOrder("3", "head", "default");
        t.as(() -> {
            dis.delete(third.id());
            return null;
        });
        assertThat(t.as(() -> dis.get(second.id())).tags()).containsExactlyInAnyOrder("2", "head", "default");
        assertThat(t.as(() -> dis.get(first.id())).tags()).containsExactly("1");
        assertThat(t.as(() -> dis.block(first.id())).blocked()).isTrue();
        assertThat(t.as(() -> dis.list(new DiFilter(null, osf.id(), null, true), PageRequest.first(5)))
                        .items())
                .extracting(DiDto::id)
                .containsExactly(first.id());
    }

    @Test
    void anUploadLandsUnderTheOsfsPrefixAndARefusedOneLeavesNoFile() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "up", 512, true, 0, null, null)));
        DiDto di = t.as(() ->
                dis.upload(new UploadedDi(osf.id(), "1", "../../etc/x y.qcow2", "d", "stable"), TestImages.content()));
        Path stored = Path.of(di.path());
        assertThat(stored.getParent()).isEqualTo(TestImages.STORAGE);
        assertThat(stored.getFileName().toString())
                .startsWith("osf-" + osf.id() + "-")
                .endsWith("-x_y.qcow2");
        assertThat(stored).hasContent("QFI test image");
        assertThat(di.tags()).contains("1", "head", "default", "stable");
        assertThat(scenario.auditOfAction("di.upload"))
                .anySatisfy(a -> assertThat(a.objectId()).isEqualTo(di.id()));
        List<Path> before = filesOf(osf.id());

        // refused before a byte is stored: a taken version, an OSF of another tenant, a reader without di.create
        assertThatThrownBy(() -> t.as(
                        () -> dis.upload(new UploadedDi(osf.id(), "1", "a.qcow2", null, null), TestImages.content())))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.duplicate");
        Tenancy other = scenario.tenantWithAdmin("Tenant Admin");
        assertThatThrownBy(() -> other.as(
                        () -> dis.upload(new UploadedDi(osf.id(), "2", "a.qcow2", null, null), TestImages.content())))
                .isInstanceOf(NotFoundException.class);
        Tenancy reader = scenario.tenantWithAdmin("Reader");
        OsfDto readers = As.superadmin(() -> osfs.create(new NewOsf(reader.tenantId(), "r", 512, true, 0, null, null)));
        assertThatThrownBy(() -> reader.as(() ->
                        dis.upload(new UploadedDi(readers.id(), "2", "a.qcow2", null, null), TestImages.content())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(filesOf(readers.id())).isEmpty();
        // refused after the file arrived (the fixed tag of another DI): the file goes with the transaction
        assertThatThrownBy(() -> t.as(
                        () -> dis.upload(new UploadedDi(osf.id(), "3", "a.qcow2", null, "1"), TestImages.content())))
                .isInstanceOf(DiTagException.class)
                .extracting("code")
                .isEqualTo("di.tag_fixed");
        // a body that breaks off half-way
        assertThatThrownBy(() -> t.as(() -> dis.upload(
                        new UploadedDi(osf.id(), "4", "a.qcow2", null, null),
                        new java.io.SequenceInputStream(TestImages.content(), new java.io.InputStream() {
                            @Override
                            public int read() throws java.io.IOException {
                                throw new java.io.IOException("connection reset");
                            }
                        }))))
                .isNotNull();
        assertThat(filesOf(osf.id())).isEqualTo(before);
        assertThat(t.as(() -> dis.list(new DiFilter(null, osf.id(), null, null), PageRequest.first(5)))
                        .total())
                .isEqualTo(1);

        t.as(() -> {
            dis.delete(di.id());
            return null;
        });
        assertThat(stored).doesNotExist();
    }

    private static List<Path> filesOf(long osfId) throws java.io.IOException {
        if (!Files.isDirectory(TestImages.STORAGE)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(TestImages.STORAGE)) {
            return files.filter(f -> f.getFileName().toString().startsWith("osf-" + osfId + "-")
                            || f.getFileName().toString().startsWith(".osf-" + osfId + "-"))
                    .sorted()
                    .toList();
        }
    }
}
