package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.audit.boundary.AuditService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmService;

/** An admin of tenant A sees and changes nothing of tenant B; superadmins see both. */
@ExtendWith(ArquillianExtension.class)
class IsolationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("isolation-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    TenantService tenants;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    VmService vms;

    @Inject
    AuditService audit;

    @Test
    void anAdminOfOneTenantNeitherSeesNorChangesAnotherTenant() throws Exception {
        Tenancy a = scenario.tenantWithAdmin("Tenant Admin");
        Tenancy b = scenario.tenantWithAdmin("Tenant Admin");
        UserDto bUser = b.as(() -> users.create(new NewUser(null, "bob", "Pw-long-enough", null)));
        OsfDto bOsf = b.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null, null)));
        VmDto bVm = b.as(() -> vms.create(new NewVm(bUser.id(), bOsf.id(), "bobs", null, null, null)));
        a.as(() -> users.create(new NewUser(null, "ann", "Pw-long-enough", null)));

        assertThat(a.as(() -> users.list(null, PageRequest.first(100))).items())
                .extracting(UserDto::login)
                .containsExactly("ann");
        assertThat(a.as(() -> users.list(
                                new org.qvd.vmas.account.boundary.UserRequests.UserFilter(b.tenantId(), null, null),
                                PageRequest.first(100)))
                        .items())
                .extracting(UserDto::login)
                .containsExactly("ann");
        assertThat(a.as(() -> vms.list(null, PageRequest.first(100))).total()).isZero();
        assertThat(a.as(() -> tenants.list(null, PageRequest.first(100))).items())
                .extracting(TenantDto::id)
                .containsExactly(a.tenantId());
        assertThatThrownBy(() -> a.as(() -> users.get(bUser.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.as(() -> users.update(bUser.id(), new UserUpdate("mine now"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.as(() -> vms.block(bVm.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.as(() -> vms.start(bVm.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.as(() -> users.create(new NewUser(b.tenantId(), "spy", "Pw-long-enough", null))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.as(() -> osfs.get(bOsf.id()))).isInstanceOf(NotFoundException.class);

        VmDto untouched = b.as(() -> vms.get(bVm.id()));
        assertThat(untouched.blocked()).isFalse();
        assertThat(untouched.state().wireName()).isEqualTo("stopped");
        assertThat(b.as(() -> users.get(bUser.id())).description()).isNull();
        assertThat(a.as(() -> audit.list(null, PageRequest.first(100))).items())
                .extracting(e -> e.event().tenantId())
                .containsOnly(a.tenantId());
    }

    @Test
    void superadminsSeeEveryTenantButMustNameOneWhenCreating() throws Exception {
        Tenancy a = scenario.tenantWithAdmin("Tenant Admin");
        Tenancy b = scenario.tenantWithAdmin("Tenant Admin");
        a.as(() -> users.create(new NewUser(null, "ann", "Pw-long-enough", null)));
        b.as(() -> users.create(new NewUser(null, "bob", "Pw-long-enough", null)));
        assertThat(As.superadmin(() -> users.list(null, PageRequest.first(500))).items())
                .extracting(UserDto::tenantId)
                .contains(a.tenantId(), b.tenantId());
        assertThatThrownBy(
                        () -> As.superadmin(() -> users.create(new NewUser(null, "nowhere", "Pw-long-enough", null))))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("tenant.required");
        assertThat(As.superadmin(() -> users.create(new NewUser(b.tenantId(), "placed", "Pw-long-enough", null)))
                        .tenantId())
                .isEqualTo(b.tenantId());
    }
}
