package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;

/**
 * A hostile tenant admin against the image storage (issue 12, "Storage and images"): a DI must only ever name a
 * file the VMAS placed for that OSF. Each attack is refused with a clear error and changes nothing.
 */
@ExtendWith(RunningSystem.class)
class StorageAttacksIT {

    private static final byte[] IMAGE = "QFI a tenant's secret image".getBytes(StandardCharsets.US_ASCII);

    private static Api superadmin;
    private static Fixtures.TenantAdmin victim;
    private static Fixtures.TenantAdmin attacker;
    private static long victimOsf;
    private static long attackerOsf;
    private static JsonNode victimDi;

    @BeforeAll
    static void twoTenants(QvdSystem system) {
        superadmin = Api.superadmin(system);
        victim = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        attacker = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        victimOsf = Fixtures.osf(victim.api(), null);
        attackerOsf = Fixtures.osf(attacker.api(), null);
        Api.Reply up = victim.api()
                .postRaw(
                        "/dis/upload?osfId=" + victimOsf + "&fileName=secret.qcow2&tag=default",
                        "application/octet-stream",
                        IMAGE);
        assertThat(up.status()).as("%s", up.body()).isEqualTo(201);
        victimDi = up.body();
    }

    @Test
    void registeringAnyHostPathAsADiIsRefused() throws IOException {
        String victimsImage = victimDi.get("path").asText();
        List<Path> before = storage();
        for (String path : new String[] {
            victimsImage,
            "/etc/shadow",
            "../../../../etc/shadow",
            RunningSystem.IMAGES_DIR
                    .resolve("osf-" + attackerOsf + "-missing.qcow2")
                    .toString(),
            RunningSystem.IMAGES_DIR
                    .resolve("osf-" + attackerOsf + "-../osf-" + victimOsf + "-x")
                    .toString()
        }) {
            problem(
                    attacker.api().post("/dis", Map.of("osfId", attackerOsf, "path", path, "makeDefault", true)),
                    400,
                    "di.path_refused");
        }
        // the superadmin cannot either: no API takes a host path
        problem(superadmin.post("/dis", Map.of("osfId", attackerOsf, "path", victimsImage)), 400, "di.path_refused");
        assertThat(attacker.api()
                        .get("/dis?osfId=" + attackerOsf)
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(storage()).isEqualTo(before);
    }

    @Test
    void theStagingDirectoryIsTheSuperadminsOnly() throws IOException {
        Files.createDirectories(RunningSystem.IMAGES_STAGING);
        String file = Api.unique("staged") + ".qcow2";
        Path staged = Files.write(RunningSystem.IMAGES_STAGING.resolve(file), IMAGE);
        try {
            problem(attacker.api().get("/dis/staged"), 403, "acl.superadmin_only");
            problem(
                    attacker.api().post("/dis/import", Map.of("osfId", attackerOsf, "file", file)),
                    403,
                    "acl.superadmin_only");
            assertThat(attacker.api()
                            .get("/dis?osfId=" + attackerOsf)
                            .body()
                            .get("total")
                            .asLong())
                    .isZero();
            assertThat(RunningSystem.IMAGES_DIR.resolve("osf-" + attackerOsf + "-" + file))
                    .doesNotExist();
            // what a superadmin sees and imports (into any tenant's OSF)
            assertThat(superadmin.get("/dis/staged").body().findValuesAsText("file"))
                    .contains(file);
            problem(
                    superadmin.post("/dis/import", Map.of("osfId", attackerOsf, "file", "../" + file)),
                    400,
                    "di.bad_file_name");
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Test
    void uploadingIntoAnotherTenantsOsfOrWithoutTheAclStoresNothing(QvdSystem system) throws IOException {
        List<Path> before = storage();
        problem(
                attacker.api()
                        .postRaw(
                                "/dis/upload?osfId=" + victimOsf + "&fileName=evil.qcow2&tag=default",
                                "application/octet-stream",
                                IMAGE),
                404,
                "osf.not_found");
        assertThat(storage()).isEqualTo(before);
        assertThat(victim.api()
                        .get("/dis?osfId=" + victimOsf)
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        // a reader may list DIs but not add one: refused before a byte is stored
        Fixtures.TenantAdmin reader = Fixtures.tenantAdmin(system, superadmin, "Reader");
        long readersOsf = Fixtures.osf(superadmin, reader.tenant().id());
        problem(
                reader.api()
                        .postRaw(
                                "/dis/upload?osfId=" + readersOsf + "&fileName=r.qcow2",
                                "application/octet-stream",
                                IMAGE),
                403,
                "acl.forbidden");
        try (Stream<Path> files = Files.list(RunningSystem.IMAGES_DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(f -> f.contains("osf-" + readersOsf + "-"));
        }
    }

    @Test
    void anUploadedNameCannotLeaveTheStorageOrTakeAnotherOsfsPrefix() {
        Api.Reply up = attacker.api()
                .postRaw(
                        "/dis/upload?osfId=" + attackerOsf + "&fileName=" + "..%2F..%2Fosf-" + victimOsf
                                + "-secret.qcow2",
                        "application/octet-stream",
                        IMAGE);
        assertThat(up.status()).as("%s", up.body()).isEqualTo(201);
        Path stored = Path.of(up.body().get("path").asText());
        assertThat(stored.getParent()).isEqualTo(RunningSystem.IMAGES_DIR);
        assertThat(stored.getFileName().toString()).startsWith("osf-" + attackerOsf + "-");
        assertThat(attacker.api().delete("/dis/" + up.id()).status()).isEqualTo(204);
        assertThat(stored).as("a deleted DI's file goes").doesNotExist();
    }

    @Test
    void aDiRowNamingAForeignFileNeverBoots(QvdSystem system) throws SQLException {
        // a row from before these checks (or written behind the VMAS's back) that names the victim's image
        long user = Fixtures.user(attacker.api(), null);
        long osf = Fixtures.osf(attacker.api(), null);
        long di = Fixtures.di(attacker.api(), osf);
        long vm = Fixtures.vm(attacker.api(), user, osf);
        Fixtures.runningHost(system, superadmin);
        sql(system, "UPDATE di SET path = ? WHERE id = ?", victimDi.get("path").asText(), di);
        problem(attacker.api().post("/vms/" + vm + "/start", ""), 409, "vm.image_not_placed");
        sql(system, "UPDATE di SET path = ? WHERE id = ?", "/etc/shadow", di);
        JsonNode refused = problem(attacker.api().post("/vms/" + vm + "/start", ""), 409, "vm.image_not_placed");
        assertThat(refused.get("detail").asText()).contains("upload or import the image again");
        assertThat(attacker.api().get("/vms/" + vm).body().get("state").asText())
                .isEqualTo("stopped");
        assertThat(Path.of(victimDi.get("path").asText())).hasBinaryContent(IMAGE);
    }

    @Test
    void aBootPropertyNamingAForeignFileNeverBoots(QvdSystem system) {
        long user = Fixtures.user(attacker.api(), null);
        long osf = Fixtures.osf(attacker.api(), null);
        long di = Fixtures.di(attacker.api(), osf);
        long vm = Fixtures.vm(attacker.api(), user, osf);
        Fixtures.runningHost(system, superadmin);
        for (String kernel : new String[] {victimDi.get("path").asText(), "/etc/shadow", "vmlinuz"}) {
            Api.Reply set = attacker.api().put("/properties/di/" + di + "/boot.kernel", Map.of("value", kernel));
            assertThat(set.status()).as("%s", set.body()).isIn(200, 201);
            problem(attacker.api().post("/vms/" + vm + "/start", ""), 409, "vm.image_not_placed");
        }
        assertThat(attacker.api().get("/vms/" + vm).body().get("state").asText())
                .isEqualTo("stopped");
    }

    /** The files of the image storage (shared with other test classes: compared before/after one attack). */
    private static List<Path> storage() throws IOException {
        if (!Files.isDirectory(RunningSystem.IMAGES_DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(RunningSystem.IMAGES_DIR)) {
            return files.filter(f ->
                            f.getFileName().toString().matches("\\.?osf-(" + victimOsf + "|" + attackerOsf + ")-.*"))
                    .sorted()
                    .toList();
        }
    }

    private static void sql(QvdSystem system, String statement, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
