package org.qvd.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.image.boundary.DiDto;
import org.qvd.image.boundary.DiRequests.DiFilter;
import org.qvd.image.boundary.DiRequests.NewDi;
import org.qvd.image.boundary.DiService;
import org.qvd.image.boundary.OsfDto;
import org.qvd.image.boundary.OsfRequests.NewOsf;
import org.qvd.image.boundary.OsfRequests.OsfFilter;
import org.qvd.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.image.boundary.OsfService;
import org.qvd.image.entity.DiTagException;
import org.qvd.it.Scenario.Tenancy;
import org.qvd.vmas.platform.ConflictException;
import org.qvd.vmas.platform.InvalidInputException;
import org.qvd.vmas.platform.PageRequest;

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
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "debian", null, null, null, null)));
        assertThat(osf.memoryMb()).isEqualTo(256);
        assertThat(osf.useOverlay()).isTrue();
        assertThat(t.as(() -> osfs.update(osf.id(), new OsfUpdate(null, 1024, false, 2048, "big"))))
                .extracting(OsfDto::memoryMb, OsfDto::useOverlay, OsfDto::userStorageMb).containsExactly(1024, false, 2048);
        assertThatThrownBy(() -> t.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null))))
                .isInstanceOf(ConflictException.class).extracting("code").isEqualTo("osf.duplicate");
        assertThatThrownBy(() -> t.as(() -> osfs.create(new NewOsf(null, "tiny", 0, true, 0, null))))
                .isInstanceOf(InvalidInputException.class).extracting("code").isEqualTo("validation.failed");
        DiDto di = t.as(() -> dis.create(new NewDi(osf.id(), "1.0", "debian.qcow2", null, false)));
        assertThatThrownBy(() -> t.as(() -> {
            osfs.delete(osf.id());
            return null;
        })).isInstanceOf(ConflictException.class).extracting("code").isEqualTo("osf.in_use");
        t.as(() -> {
            dis.delete(di.id());
            osfs.delete(osf.id());
            return null;
        });
        assertThat(t.as(() -> osfs.list(new OsfFilter(null, "debian"), PageRequest.first(5))).total()).isZero();
    }

    @Test
    void keepsHeadOnTheNewestAndDefaultOnTheFirstDi() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "ubuntu", 512, true, 0, null)));
        DiDto first = t.as(() -> dis.create(new NewDi(osf.id(), "1.0", "u1.qcow2", null, false)));
        assertThat(first.tags()).containsExactlyInAnyOrder("1.0", "head", "default");
        DiDto second = t.as(() -> dis.create(new NewDi(osf.id(), null, "u2.qcow2", null, false)));
        assertThat(second.version()).matches("\\d{4}-\\d{2}-\\d{2}-001");
        assertThat(second.tags()).containsExactlyInAnyOrder(second.version(), "head");
        assertThat(t.as(() -> dis.get(first.id())).tags()).containsExactlyInAnyOrder("1.0", "default");
    }

    @Test
    void movesTagsBetweenDisAndProtectsFixedAndReservedOnes() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "fedora", 512, true, 0, null)));
        DiDto first = t.as(() -> dis.create(new NewDi(osf.id(), "1.0", "f1.qcow2", null, false)));
        DiDto second = t.as(() -> dis.create(new NewDi(osf.id(), "2.0", "f2.qcow2", null, false)));
        t.as(() -> dis.tag(first.id(), "testing"));
        assertThat(t.as(() -> dis.tag(second.id(), "testing")).tags()).contains("testing");
        assertThat(t.as(() -> dis.get(first.id())).tags()).doesNotContain("testing");
        assertThat(t.as(() -> dis.tag(second.id(), "default")).tags()).contains("default", "head");
        assertThatThrownBy(() -> t.as(() -> dis.tag(second.id(), "1.0"))).isInstanceOf(DiTagException.class)
                .extracting("code").isEqualTo("di.tag_fixed");
        assertThatThrownBy(() -> t.as(() -> dis.untag(second.id(), "head"))).isInstanceOf(DiTagException.class)
                .extracting("code").isEqualTo("di.tag_reserved");
        assertThat(t.as(() -> dis.untag(second.id(), "testing")).tags()).doesNotContain("testing");
        assertThat(scenario.auditOf("di", second.id())).anyMatch(e -> e.result().equals("di.tag_fixed"));
        assertThatThrownBy(() -> t.as(() -> dis.create(new NewDi(osf.id(), "2.0", "dup.qcow2", null, false))))
                .isInstanceOf(DiTagException.class).extracting("code").isEqualTo("di.duplicate");
    }

    @Test
    void deletingTheHeadAndDefaultDiHandsTheTagsToTheNewestRemaining() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        OsfDto osf = t.as(() -> osfs.create(new NewOsf(null, "arch", 512, true, 0, null)));
        DiDto first = t.as(() -> dis.create(new NewDi(osf.id(), "1", "a1.qcow2", null, false)));
        DiDto second = t.as(() -> dis.create(new NewDi(osf.id(), "2", "a2.qcow2", null, false)));
        DiDto third = t.as(() -> dis.create(new NewDi(osf.id(), "3", "a3.qcow2", null, true)));
        assertThat(third.tags()).containsExactlyInAnyOrder("3", "head", "default");
        t.as(() -> {
            dis.delete(third.id());
            return null;
        });
        assertThat(t.as(() -> dis.get(second.id())).tags()).containsExactlyInAnyOrder("2", "head", "default");
        assertThat(t.as(() -> dis.get(first.id())).tags()).containsExactly("1");
        assertThat(t.as(() -> dis.block(first.id())).blocked()).isTrue();
        assertThat(t.as(() -> dis.list(new DiFilter(null, osf.id(), null, true), PageRequest.first(5))).items())
                .extracting(DiDto::id).containsExactly(first.id());
    }
}
