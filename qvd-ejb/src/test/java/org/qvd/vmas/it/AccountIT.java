package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.account.boundary.AdministratorDto;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.AuthenticationFailedException;
import org.qvd.vmas.account.boundary.CallerDto;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.NewRole;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantRequests.TenantFilter;
import org.qvd.vmas.account.boundary.TenantRequests.TenantUpdate;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.vmas.account.boundary.UserAuthenticationService;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.list.PageRequest;

/** Tenants, administrators, users, roles and authentication, through the real Elytron realm. */
@ExtendWith(ArquillianExtension.class)
class AccountIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("account-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    TenantService tenants;

    @Inject
    AdministratorService admins;

    @Inject
    UserService users;

    @Inject
    RoleService roles;

    @Inject
    UserAuthenticationService authentication;

    @Test
    void bootstrapCreatedTheSuperadminWithEveryAcl() throws Exception {
        CallerDto me = As.superadmin(admins::me);
        assertThat(me.superadmin()).isTrue();
        assertThat(me.tenantName()).isEqualTo("*");
        assertThat(me.acls()).contains("tenant.create", "vm.update.state", "audit.see");
    }

    @Test
    void refusesAndAuditsACallerWhoIsNoAdministrator() throws Exception {
        String name = Scenario.unique("anon");
        assertThatThrownBy(() -> tenants.create(new NewTenant(name, null)))
                .isInstanceOf(ForbiddenException.class)
                .extracting("code")
                .isEqualTo("auth.unauthenticated");
        assertThat(scenario.auditOfAction("tenant.create"))
                .anyMatch(e -> name.equals(e.objectName())
                        && e.result().equals("auth.unauthenticated")
                        && e.adminId() == null);
        assertThat(As.superadmin(() -> tenants.list(new TenantFilter(name, null), PageRequest.first(5)))
                        .total())
                .isZero();
    }

    @Test
    void elytronRefusesAWrongPasswordAndABlockedAdministrator() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        assertThatThrownBy(() -> As.identity(t.adminLogin(), "wrong")).isInstanceOf(SecurityException.class);
        As.superadmin(() -> admins.block(t.adminId()));
        assertThatThrownBy(() -> As.identity(t.adminLogin(), Scenario.PASSWORD)).isInstanceOf(SecurityException.class);
    }

    @Test
    void managesATenantFromCreationToDeletion() throws Exception {
        String name = Scenario.unique("life");
        TenantDto created = As.superadmin(() -> tenants.create(new NewTenant(name, "first")));
        assertThat(As.superadmin(() -> tenants.list(new TenantFilter(name, null), PageRequest.first(10)))
                        .items())
                .extracting(TenantDto::id)
                .containsExactly(created.id());
        assertThat(As.superadmin(() -> tenants.update(created.id(), new TenantUpdate(null, "second")))
                        .description())
                .isEqualTo("second");
        assertThat(As.superadmin(() -> tenants.block(created.id())).blocked()).isTrue();
        assertThat(As.superadmin(() -> tenants.unblock(created.id())).blocked()).isFalse();
        As.superadmin(() -> {
            tenants.delete(created.id());
            return null;
        });
        assertThat(scenario.auditOf("tenant", created.id()))
                .extracting(AuditEvent::action)
                .containsExactly("tenant.delete", "tenant.unblock", "tenant.block", "tenant.update", "tenant.create");
        assertThat(scenario.auditOf("tenant", created.id()))
                .allMatch(AuditEvent::ok)
                .allMatch(e -> e.adminName().equals(As.SUPERADMIN));
    }

    @Test
    void refusesADuplicateTenantAndAuditsTheRefusal() throws Exception {
        String name = Scenario.unique("dup");
        As.superadmin(() -> tenants.create(new NewTenant(name, null)));
        assertThatThrownBy(() -> As.superadmin(() -> tenants.create(new NewTenant(name, null))))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("tenant.duplicate");
        assertThat(scenario.auditOfAction("tenant.create"))
                .anyMatch(e -> name.equals(e.objectName()) && e.result().equals("tenant.duplicate"));
    }

    @Test
    void refusesInvalidInputBeforeCheckingPermissions() throws Exception {
        Tenancy reader = scenario.tenantWithAdmin("Reader");
        assertThatThrownBy(() -> reader.as(() -> users.create(new NewUser(null, "bad login", "Pw-long-enough", null))))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("validation.failed");
        assertThatThrownBy(() -> reader.as(() -> users.create(new NewUser(null, "fine", "Pw-long-enough", null))))
                .isInstanceOf(ForbiddenException.class)
                .extracting("code")
                .isEqualTo("acl.forbidden");
        assertThat(scenario.auditOfAction("user.create"))
                .anyMatch(e -> e.adminName().equals(reader.adminLogin())
                        && e.result().equals("acl.forbidden")
                        && "fine".equals(e.objectName()));
    }

    @Test
    void createsAUserWhosePasswordAuthenticatesWithAPerUserSalt() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        UserDto alice = t.as(() -> users.create(new NewUser(null, "alice", "Alice-Pw-long-1", "Alice")));
        UserDto bob = t.as(() -> users.create(new NewUser(null, "bob", "Alice-Pw-long-1", null)));
        assertThat(alice.tenantId()).isEqualTo(t.tenantId());
        assertThat(authentication
                        .authenticate("alice@" + t.tenantName(), "Alice-Pw-long-1")
                        .id())
                .isEqualTo(alice.id());
        assertThatThrownBy(() -> authentication.authenticate("alice@" + t.tenantName(), "nope"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authentication.authenticate("nobody@" + t.tenantName(), "Alice-Pw-long-1"))
                .isInstanceOf(AuthenticationFailedException.class);
        t.as(() -> users.block(bob.id()));
        assertThatThrownBy(() -> authentication.authenticate("bob@" + t.tenantName(), "Alice-Pw-long-1"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(t.as(() -> users.list(new UserFilter(null, null, true), PageRequest.first(10)))
                        .items())
                .extracting(UserDto::login)
                .containsExactly("bob");
        assertThat(scenario.auditOf("user", alice.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.arguments()).contains("alice").doesNotContain("Alice-Pw-long-1"));
    }

    @Test
    void refusesADuplicateLoginInTheSameTenantOnly() throws Exception {
        Tenancy a = scenario.tenantWithAdmin("Tenant Admin");
        Tenancy b = scenario.tenantWithAdmin("Tenant Admin");
        a.as(() -> users.create(new NewUser(null, "carol", "Pw-long-enough", null)));
        b.as(() -> users.create(new NewUser(null, "carol", "Pw-long-enough", null)));
        assertThatThrownBy(() -> a.as(() -> users.create(new NewUser(null, "carol", "Pw-long-enough", null))))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("user.duplicate");
    }

    @Test
    void aRoleDenyingAnInheritedAclTakesItAway() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        long reader = scenario.fixedRoleId("Reader");
        RoleDto role = t.as(() -> roles.create(new NewRole(null, "blind", null)));
        t.as(() -> roles.inherit(role.id(), reader));
        RoleDto denied = t.as(() -> roles.deny(role.id(), "user.see"));
        assertThat(denied.effective()).contains("vm.see").doesNotContain("user.see");
        AdministratorDto clerk =
                t.as(() -> admins.create(new NewAdministrator(null, "clerk", "Clerk-Pw-long-1", null)));
        t.as(() -> admins.assignRole(clerk.id(), role.id()));
        String login = "clerk@" + t.tenantName();
        assertThat(As.admin(login, "Clerk-Pw-long-1", admins::me).acls())
                .contains("vm.see")
                .doesNotContain("user.see");
        assertThatThrownBy(() -> As.admin(login, "Clerk-Pw-long-1", () -> users.list(null, PageRequest.first(5))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> t.as(() -> roles.grant(reader, "vm.create"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void changesAnAdministratorsPasswordForElytron() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        AdministratorDto clerk =
                t.as(() -> admins.create(new NewAdministrator(null, "pwclerk", "Old-Pw-long-1", null)));
        t.as(() -> admins.changePassword(clerk.id(), "New-Pw-long-1"));
        String login = "pwclerk@" + t.tenantName();
        assertThat(As.identity(login, "New-Pw-long-1").getPrincipal().getName()).isEqualTo(login);
        assertThatThrownBy(() -> As.identity(login, "Old-Pw-long-1")).isInstanceOf(SecurityException.class);
        assertThat(scenario.auditOf("admin", clerk.id()).get(0).arguments()).doesNotContain("New-Pw-long-1");
    }
}
