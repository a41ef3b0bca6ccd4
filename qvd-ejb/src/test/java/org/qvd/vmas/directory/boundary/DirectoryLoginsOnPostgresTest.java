package org.qvd.vmas.directory.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.vmas.platform.JpaOnPostgres.inject;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.directory.TestDirectory;
import org.qvd.vmas.account.boundary.AuthenticationFailedException;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.VerifiedCredentials;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.directory.control.AutoProvisioning;
import org.qvd.vmas.directory.control.DirectoryEndpoints;
import org.qvd.vmas.directory.control.DirectoryPasswordCheck;
import org.qvd.vmas.directory.control.DirectoryPasswords;
import org.qvd.vmas.directory.control.DirectoryRefusals;
import org.qvd.vmas.directory.control.DirectoryUnavailableException;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectorySettings;
import org.qvd.vmas.directory.entity.DirectoryUser;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.vm.entity.Vm;

/**
 * Directory logins and auto-provisioning on a real, migrated PostgreSQL against a real LDAP server (UnboundID's
 * in-memory directory over LDAPS); no container, so the refusal's new transaction is a second one of the test's own.
 */
class DirectoryLoginsOnPostgresTest {

    private static final String PW = "Dir-Pw-1";
    private static JpaOnPostgres db;
    private static TestDirectory ldap;
    private static final DirectoryEndpoints ENDPOINTS = new DirectoryEndpoints();
    private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
    private static final VerifiedCredentials CACHE =
            new VerifiedCredentials(Duration.ofMinutes(5), 1000, System::nanoTime, 2);

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        ldap = new TestDirectory(Path.of("target", "ldap"));
    }

    @AfterAll
    static void stop() throws Exception {
        ldap.close();
        db.close();
    }

    private record Setup(String tenant, long osfId, String group) {}

    /** A tenant with an OSF and a directory whose group maps to it; {@code url} null: the test directory. */
    private static Setup tenant(String url, boolean localUsers) {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        String group = "g-" + name;
        return db.inTransaction(s -> {
            Tenant tenant = new Tenant(name, null);
            s.persist(tenant);
            Osf osf = new Osf(tenant, "desk", 512, true, 0, null);
            s.persist(osf);
            s.flush();
            DirectorySettings settings = new DirectorySettings(
                    url == null ? ldap.ldapsUrl() : url,
                    false,
                    ldap.caPem(),
                    TestDirectory.SERVICE_DN,
                    TestDirectory.SERVICE_SECRET,
                    TestDirectory.PEOPLE,
                    DirectorySettings.DEFAULT_USER_FILTER,
                    TestDirectory.GROUPS,
                    DirectorySettings.DEFAULT_GROUP_FILTER,
                    group,
                    localUsers,
                    null,
                    "default",
                    0,
                    true,
                    new TreeMap<>(Map.of(group, osf.getId())));
            s.persist(new Directory(tenant, settings));
            return new Setup(name, osf.getId(), group);
        });
    }

    private static DirectoryLogins logins(Session s) {
        DirectoryLogins logins = new DirectoryLogins();
        inject(logins, "em", s);
        inject(logins, "endpoints", ENDPOINTS);
        inject(logins, "refusals", new DirectoryRefusals() {
            @Override
            public void record(AppUser user, String code, String why) {
                db.inTransaction(other -> {
                    DirectoryRefusals real = new DirectoryRefusals();
                    inject(real, "em", other);
                    inject(real, "audit", new ListAudit());
                    real.record(user, code, why);
                    return null;
                });
            }
        });
        AutoProvisioning provisioning = new AutoProvisioning();
        ConfigResolver config = new ConfigResolver();
        inject(config, "em", s);
        inject(provisioning, "em", s);
        inject(provisioning, "config", config);
        inject(logins, "provisioning", provisioning);
        DirectoryPasswords passwords = new DirectoryPasswords();
        inject(passwords, "em", s);
        inject(passwords, "endpoints", ENDPOINTS);
        PasswordCheck passwordCheck = new PasswordCheck(new PasswordHasher(4), CACHE);
        inject(passwordCheck, "directory", passwords);
        DirectoryPasswordCheck check = new DirectoryPasswordCheck();
        inject(check, "check", passwordCheck);
        inject(logins, "passwords", check);
        return logins;
    }

    private static Optional<AppUser> login(String name, Setup t, String password) {
        return db.inTransaction(
                s -> logins(s).authenticate(new Login(name, t.tenant()), existing(s, name, t), password));
    }

    private static AppUser existing(Session s, String name, Setup t) {
        return s.createNamedQuery(AppUser.BY_LOGIN, AppUser.class)
                .setParameter("login", name)
                .setParameter("tenant", t.tenant())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static long count(String jpql, Object id) {
        return db.inTransaction(
                s -> s.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult());
    }

    @Test
    void aFirstLoginProvisionsTheUserAndAVmOfItsGroupsOsfOnce() throws Exception {
        Setup t = tenant(null, true);
        String login = "ann" + t.tenant();
        ldap.addGroup(t.group(), ldap.addUser(login, PW));

        AppUser user = login(login, t, PW).orElseThrow();
        assertThat(user.getPasswordHash()).isEqualTo(DirectoryUser.NO_LOCAL_PASSWORD);
        assertThat(count("SELECT COUNT(v) FROM Vm v WHERE v.user.id = :id", user.getId()))
                .isEqualTo(1);
        Vm vm = db.inTransaction(
                s -> s.createQuery("SELECT v FROM Vm v JOIN FETCH v.osf WHERE v.user.id = :id", Vm.class)
                        .setParameter("id", user.getId())
                        .getSingleResult());
        assertThat(vm.getOsf().getId()).isEqualTo(t.osfId());
        assertThat(vm.getName()).isEqualTo(login);

        assertThat(login(login, t, PW).orElseThrow().getId()).isEqualTo(user.getId());
        assertThat(count("SELECT COUNT(v) FROM Vm v WHERE v.user.id = :id", user.getId()))
                .isEqualTo(1);
    }

    @Test
    void twoFirstLoginsOfTheSameUserAtOnceBothSucceedWithOneUserAndOneVm() throws Exception {
        Setup t = tenant(null, true);
        String login = "twin" + t.tenant();
        ldap.addGroup(t.group(), ldap.addUser(login, PW));
        CyclicBarrier bothSawNoUser = new CyclicBarrier(2);
        Callable<Long> firstLogin = () -> db.inTransaction(s -> {
            AppUser none = existing(s, login, t);
            try {
                bothSawNoUser.await(10, TimeUnit.SECONDS); // both decide "first login" before either provisions
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return logins(s)
                    .authenticate(new Login(login, t.tenant()), none, PW)
                    .orElseThrow()
                    .getId();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(firstLogin);
            Future<Long> b = pool.submit(firstLogin);
            long id = a.get(60, TimeUnit.SECONDS);
            assertThat(b.get(60, TimeUnit.SECONDS)).as("the same user for both").isEqualTo(id);
            assertThat(count("SELECT COUNT(u) FROM AppUser u WHERE u.tenant.name = :id", t.tenant()))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(v) FROM Vm v WHERE v.user.id = :id", id))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordOrAUserOutsideTheGroupProvisionsNothing() throws Exception {
        Setup t = tenant(null, true);
        String member = "bea" + t.tenant();
        String outsider = "cid" + t.tenant();
        ldap.addGroup(t.group(), ldap.addUser(member, PW));
        ldap.addUser(outsider, PW);

        assertThatThrownBy(() -> login(member, t, "not-" + PW)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> login(outsider, t, PW)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> login("nobody" + t.tenant(), t, PW)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(count("SELECT COUNT(u) FROM AppUser u WHERE u.tenant.name = :id", t.tenant()))
                .isZero();
    }

    @Test
    void aUserDroppedFromTheGroupOrTheDirectoryIsRefusedAndAdminsSeeWhy() throws Exception {
        Setup t = tenant(null, true);
        String login = "dan" + t.tenant();
        String dn = ldap.addUser(login, PW);
        ldap.addGroup(t.group(), dn);
        long id = login(login, t, PW).orElseThrow().getId();

        ldap.removeFromGroup(t.group(), dn);
        assertThatThrownBy(() -> login(login, t, PW)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(refusal(id)).contains("not a member of the required group '" + t.group() + "'");
        assertThat(AUDIT)
                .anyMatch(e -> e.objectId() != null
                        && e.objectId() == id
                        && "directory.not_in_group".equals(e.result())
                        && DirectoryRefusals.ACTION.equals(e.action()));

        ldap.delete(dn);
        assertThatThrownBy(() -> db.inTransaction(s -> {
                    logins(s).recheck(s.find(AppUser.class, id));
                    return null;
                }))
                .as("a token login rechecks the directory")
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(refusal(id)).contains("no longer in the directory");
    }

    @Test
    void localUsersKeepTheirPasswordsUnlessTheDirectoryTurnsThemOff() {
        Setup open = tenant(null, true);
        Setup closed = tenant(null, false);
        for (Setup t : List.of(open, closed)) {
            db.inTransaction(s -> {
                Tenant tenant = s.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                        .setParameter("name", t.tenant())
                        .getSingleResult();
                s.persist(new AppUser(tenant, "local", new PasswordHasher(4).hash(PW), null));
                return null;
            });
        }
        assertThat(login("local", open, PW)).as("not the directory's to decide").isEmpty();
        assertThatThrownBy(() -> login("local", closed, PW)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void anUnreachableDirectoryIsUnavailableNotARefusal() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Setup t = tenant("ldaps://localhost:" + silent.getLocalPort(), true);
            assertThatThrownBy(() -> login("eve", t, PW))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .satisfies(e -> assertThat(((DirectoryUnavailableException) e).status())
                            .isEqualTo(503));
        }
    }

    private static String refusal(long userId) {
        return db.inTransaction(s -> s.find(DirectoryUser.class, userId).getRefusal());
    }

    /** The audit log as a list. */
    private static final class ListAudit implements AuditSink {
        @Override
        public void record(AuditEvent event) {
            AUDIT.add(event);
        }

        @Override
        public void recordRefusal(AuditEvent event) {
            AUDIT.add(event);
        }

        @Override
        public void flush() {}
    }
}
