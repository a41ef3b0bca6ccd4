package org.qvd.vmas.platform.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;

class CallerTest {

    private final Caller superadmin = new Caller(1L, "superadmin", 0L, "*", Set.of("vm.see"));
    private final Caller tenantAdmin = new Caller(2L, "boss", 5L, "acme", Set.of("vm.see"));

    @Test
    void superadminsSeeEveryTenantAndTenantAdminsOnlyTheirOwn() {
        assertThat(superadmin.sees(5L)).isTrue();
        assertThat(tenantAdmin.sees(5L)).isTrue();
        assertThat(tenantAdmin.sees(6L)).isFalse();
        assertThat(superadmin.listScope(null)).isNull();
        assertThat(superadmin.listScope(6L)).isEqualTo(6L);
        assertThat(tenantAdmin.listScope(6L)).isEqualTo(5L);
    }

    @Test
    void superadminsMustNameTheTenantOfANewObject() {
        assertThatThrownBy(() -> superadmin.owningTenant(null))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("tenant.required");
        assertThatThrownBy(() -> superadmin.owningTenant(0L)).isInstanceOf(InvalidInputException.class);
        assertThat(superadmin.owningTenant(6L)).isEqualTo(6L);
    }

    @Test
    void tenantAdminsCreateOnlyInTheirOwnTenant() {
        assertThat(tenantAdmin.owningTenant(null)).isEqualTo(5L);
        assertThat(tenantAdmin.owningTenant(5L)).isEqualTo(5L);
        assertThatThrownBy(() -> tenantAdmin.owningTenant(6L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAMissingAcl() {
        tenantAdmin.require("vm.see");
        assertThatThrownBy(() -> tenantAdmin.require("vm.delete"))
                .isInstanceOf(ForbiddenException.class)
                .extracting("code")
                .isEqualTo("acl.forbidden");
        assertThatThrownBy(() -> tenantAdmin.requireSuperadmin("x"))
                .isInstanceOf(ForbiddenException.class)
                .extracting("status")
                .isEqualTo(403);
    }
}
