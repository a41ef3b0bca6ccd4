package org.qvd.guest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.qvd.launcher.DemoDesktop;
import org.qvd.testsupport.RequiredResource;

/**
 * The demo user's container desktop (issue 17), made once per started system exactly as {@code ./qvd run} makes its
 * demo where containers work ({@link DemoDesktop#ensure} with {@link DemoDesktop.Kind#CONTAINER}): an OSF
 * {@code desktop-container} of kind {@code container}, the newest container image of images/out
 * ({@code *.rootfs.tar}) imported through the staging import, a VM {@code demo-container} of the demo user. So the
 * container tests run the run command's own container demo. Assumes LXC and a container image (skipped with the
 * reason otherwise).
 */
public final class ContainerDesktop {

    /** The OSF and the demo user's VM of it. */
    public record Ids(long osf, long vm) {}

    private static Ids made;

    private ContainerDesktop() {}

    public static synchronized Ids demo(GuestSystem.Running r) {
        RequiredResource.executable(Path.of("/usr/bin/lxc-start"), "lxc uidmap");
        if (made != null) {
            return made;
        }
        Optional<DemoDesktop.Login> login =
                DemoDesktop.ensure(r.system(), GuestSystem.SUPERADMIN_PASSWORD, DemoDesktop.Kind.CONTAINER);
        RequiredResource.present(
                login.isPresent(), "no container image (*.rootfs.tar) in images/out: run images/build.sh");
        JsonNode vm = r.admin().vm(login.get().vmId());
        assertThat(vm.path("name").asText()).isEqualTo("demo-container");
        assertThat(vm.path("userId").asLong())
                .isEqualTo(r.admin().vm(r.demo().vmId()).path("userId").asLong());
        long osf = vm.path("osfId").asLong();
        JsonNode flavour = r.admin().get("/osfs/" + osf);
        assertThat(flavour.path("kind").asText()).isEqualTo("container");
        assertThat(flavour.path("name").asText()).isEqualTo("desktop-container");
        made = new Ids(osf, vm.path("id").asLong());
        return made;
    }
}
