package org.qvd.guest.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.qvd.testsupport.RequiredResource;

/**
 * The demo user's container desktop (issue 17), made once per started system through the REST API as an admin would:
 * an OSF {@code desktop-ct} of kind {@code container}, the newest container image of images/out
 * ({@code *.rootfs.tar}) imported through the staging import, a VM {@code ct}. Assumes LXC and a container image
 * (skipped with the reason otherwise).
 */
public final class ContainerDesktop {

    /** The OSF and the demo user's VM of it. */
    public record Ids(long osf, long vm) {
    }

    private static Ids made;

    private ContainerDesktop() {
    }

    public static synchronized Ids demo(GuestSystem.Running r) {
        RequiredResource.executable(Path.of("/usr/bin/lxc-start"), "lxc uidmap");
        if (made != null) {
            return made;
        }
        Admin admin = r.admin();
        String archive = null;
        for (JsonNode staged : admin.get("/dis/staged")) {
            String file = staged.path("file").asText();
            if (file.endsWith(".rootfs.tar") && (archive == null || file.compareTo(archive) > 0)) {
                archive = file;
            }
        }
        RequiredResource.present(archive != null, "no container image (*.rootfs.tar) in images/out: run images/build.sh");
        long tenant = admin.get("/tenants?name=default").path("items").get(0).path("id").asLong();
        long osf = admin.post("/osfs", Map.of("tenantId", tenant, "name", "desktop-ct", "kind", "container",
                "memoryMb", 1024, "userStorageMb", 0)).path("id").asLong();
        assertThat(admin.get("/osfs/" + osf).path("kind").asText()).isEqualTo("container");
        admin.post("/dis/import", Map.of("osfId", osf, "file", archive, "makeDefault", true));
        long user = admin.get("/users?login=" + r.demo().user()).path("items").get(0).path("id").asLong();
        made = new Ids(osf, admin.post("/vms", Map.of("userId", user, "osfId", osf, "name", "ct")).path("id").asLong());
        return made;
    }
}
