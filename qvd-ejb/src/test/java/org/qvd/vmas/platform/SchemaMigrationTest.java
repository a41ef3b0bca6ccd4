package org.qvd.vmas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.image.entity.TagRules;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmState;

/** Empty PostgreSQL → every Flyway migration → Hibernate validates the mapping and round-trips a VM. */
class SchemaMigrationTest {

    private static JpaOnPostgres db;
    private static MigrateResult migration;
    private static SessionFactory hibernate;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws Exception {
        db = new JpaOnPostgres();
        migration = db.migration();
        hibernate = db.hibernate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void appliesEveryMigrationAndTheMappingValidates() {
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isGreaterThanOrEqualTo(13);
        assertThat(hibernate.getMetamodel().getEntities()).hasSize(Entities.ENTITIES.size());
    }

    @Test
    void listsEveryEntityOfTheModule() throws Exception {
        // the module's own classes, wherever this build put them (-Dqvd.target may rename target/)
        java.nio.file.Path classes = java.nio.file.Path.of(org.qvd.vmas.vm.entity.Vm.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        java.util.List<Class<?>> found = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(classes)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = classes.relativize(f).toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName(
                            name.replace('/', '.').replace(".class", ""),
                            false,
                            getClass().getClassLoader());
                    if (c.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                        found.add(c);
                    }
                }
            }
        }
        assertThat(Entities.ENTITIES)
                .as("Entities.ENTITIES must list every @Entity, or this test validates too little")
                .containsExactlyInAnyOrderElementsOf(found);
    }

    @Test
    void seedsTenantsAndRolesWithTheirAcls() {
        hibernate.inTransaction(s -> {
            assertThat(s.find(Tenant.class, 0L).getName()).isEqualTo("*");
            assertThat(s.find(Tenant.class, 1L).getName()).isEqualTo("default");
            Role root = role(s, "Root");
            Role tenantAdmin = role(s, "Tenant Admin");
            Role operator = role(s, "Operator");
            assertThat(root.effectiveAcls()).contains("tenant.create", "vm.update.state", "audit.see");
            assertThat(tenantAdmin.effectiveAcls())
                    .contains("vm.create", "tenant.see")
                    .doesNotContain("tenant.create");
            assertThat(operator.effectiveAcls())
                    .contains("vm.see", "vm.update.state")
                    .doesNotContain("vm.create");
        });
    }

    @Test
    void roundTripsAVmWithItsRuntimeThroughTheSchema() {
        Long vmId = hibernate.fromTransaction(s -> {
            Tenant tenant = new Tenant("acme-roundtrip", null);
            s.persist(tenant);
            AppUser user = new AppUser(tenant, "alice", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            s.persist(new Administrator(tenant, "boss", new PasswordHasher(4).hash("secret"), null));
            Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
            s.persist(osf);
            Di di = TagRules.addDi(osf, "1.0", "1-debian.qcow2", null, false);
            s.persist(di);
            Host host = new Host("node-rt", "192.0.2.7", null);
            s.persist(host);
            host.getRuntime().heartbeat(Instant.now(), 4096L, 2, 0.5);
            Vm vm = new Vm(user, osf, "desk", null, "10.3.15.10", null);
            s.persist(vm);
            s.persist(vm.start(Instant.now()));
            vm.getRuntime().placeOn(host, di, "ab".repeat(32), Instant.now());
            s.persist(vm.getRuntime().running("10.3.15.10", 3030, 4100, 22, Instant.now()));
            return vm.getId();
        });
        hibernate.inTransaction(s -> {
            Vm vm = s.find(Vm.class, vmId);
            assertThat(vm.getRuntime().getState()).isEqualTo(VmState.RUNNING);
            assertThat(vm.getRuntime().getHost().getRuntime().getState()).isEqualTo(HostState.RUNNING);
            assertThat(vm.getOsf().resolve(TagRules.DEFAULT))
                    .map(Di::getVersion)
                    .contains("1.0");
            assertThat(vm.getOsf().getDis().get(0).getTagNames()).isEqualTo(Set.of("1.0", "head", "default"));
        });
    }

    private static Role role(org.hibernate.Session s, String name) {
        return s.createNamedQuery(Role.BY_TENANT_AND_NAME, Role.class)
                .setParameter("tenantId", 0L)
                .setParameter("name", name)
                .getSingleResult();
    }
}
