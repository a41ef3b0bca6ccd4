package org.qvd.vmas.account.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qvd.vmas.platform.TestIds;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.InvalidStateException;

class RoleAclResolutionTest {

    private final Tenant tenant = TestIds.set(new Tenant("acme", null), 5L);
    private final Acl see = new Acl("vm.see");
    private final Acl start = new Acl("vm.update.state");
    private final Acl delete = new Acl("vm.delete");

    private Role role(String name, Acl... granted) {
        Role r = new Role(tenant, name, null);
        for (Acl a : granted) {
            r.grant(a);
        }
        return r;
    }

    @Test
    void inheritsTheAclsOfInheritedRolesTransitively() {
        Role reader = role("reader", see);
        Role operator = role("operator", start);
        operator.inherit(reader);
        Role lead = role("lead");
        lead.inherit(operator);
        assertThat(lead.effectiveAcls()).containsExactlyInAnyOrder("vm.see", "vm.update.state");
    }

    @Test
    void anExplicitDenialRemovesAnInheritedAcl() {
        Role all = role("all", see, start, delete);
        Role noDelete = role("no-delete");
        noDelete.inherit(all);
        noDelete.deny(delete);
        assertThat(noDelete.effectiveAcls()).containsExactlyInAnyOrder("vm.see", "vm.update.state");
        assertThat(all.effectiveAcls()).contains("vm.delete");
    }

    @Test
    void anOwnGrantOverridesADenialFurtherUp() {
        Role all = role("all", see, delete);
        Role noDelete = role("no-delete");
        noDelete.inherit(all);
        noDelete.deny(delete);
        Role again = role("again", delete);
        again.inherit(noDelete);
        assertThat(again.effectiveAcls()).contains("vm.delete");
    }

    @Test
    void anAdminHoldsTheUnionOfItsRoles() {
        Administrator admin = new Administrator(tenant, "boss", "$2a$04$x", null);
        Role denying = role("denying", see);
        denying.deny(delete);
        admin.assign(denying);
        admin.assign(role("deleter", delete));
        assertThat(admin.effectiveAcls()).containsExactlyInAnyOrder("vm.see", "vm.delete");
    }

    @Test
    void refusesAnInheritanceCycle() {
        Role a = role("a");
        Role b = role("b");
        Role c = role("c");
        b.inherit(a);
        c.inherit(b);
        assertThatThrownBy(() -> a.inherit(c))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("role.cycle");
        assertThatThrownBy(() -> a.inherit(a)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesToChangeAFixedRole() {
        Role fixed = role("Root", see);
        fixed.fix();
        assertThatThrownBy(() -> fixed.grant(delete))
                .isInstanceOf(InvalidStateException.class)
                .extracting("code")
                .isEqualTo("role.fixed");
        assertThatThrownBy(fixed::checkDeletable).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void refusesRolesOfAnotherTenantAndRootForTenantAdmins() {
        Administrator admin = new Administrator(tenant, "boss", "$2a$04$x", null);
        Tenant other = TestIds.set(new Tenant("other", null), 6L);
        assertThatThrownBy(() -> admin.assign(new Role(other, "x", null))).isInstanceOf(InvalidInputException.class);
        Tenant star = TestIds.set(new Tenant("*", null), 0L);
        Role root = new Role(star, Role.ROOT, null);
        root.fix();
        assertThatThrownBy(() -> admin.assign(root))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("role.root_superadmin_only");
    }
}
