package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.config.boundary.ConfigDto;
import org.qvd.vmas.config.boundary.ConfigService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.HostFilter;
import org.qvd.vmas.host.boundary.HostRequests.HostUpdate;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.boundary.PropertyDto;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;

/** Hosts, properties and configuration. */
@ExtendWith(ArquillianExtension.class)
class InfrastructureIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("infrastructure-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    HostService hosts;

    @Inject
    PropertyService properties;

    @Inject
    ConfigService config;

    @Inject
    UserService users;

    @Inject
    org.qvd.vmas.platform.guard.RequestOrigin origin;

    @Test
    void auditsTheSourceAddressTheWebLayerRecorded() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        origin.sourceAddress("203.0.113.9");
        UserDto user = t.as(() -> users.create(new NewUser(null, "from-web", "Pw-long-enough", null)));
        assertThat(scenario.auditOf("user", user.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.sourceAddress()).isEqualTo("203.0.113.9"));
    }

    @Test
    void superadminsManageHostsAndTenantAdminsOnlySeeThem() throws Exception {
        String name = Scenario.unique("node-");
        HostDto host = As.superadmin(() -> hosts.create(new NewHost(name, name + ".example", null)));
        assertThat(host.state().wireName()).isEqualTo("stopped");
        assertThatThrownBy(() -> As.superadmin(() -> hosts.create(new NewHost(name, "other.example", null))))
                .isInstanceOf(ConflictException.class)
                .extracting("code")
                .isEqualTo("host.duplicate");
        assertThat(As.superadmin(() -> hosts.update(host.id(), new HostUpdate(null, null, "rack 4")))
                        .description())
                .isEqualTo("rack 4");
        assertThat(As.superadmin(() -> hosts.block(host.id())).blocked()).isTrue();
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        assertThat(t.as(() -> hosts.list(new HostFilter(name, null, null), PageRequest.first(5)))
                        .items())
                .extracting(HostDto::name)
                .containsExactly(name);
        assertThatThrownBy(() -> t.as(() -> hosts.unblock(host.id())))
                .isInstanceOf(ForbiddenException.class)
                .extracting("code")
                .isEqualTo("acl.superadmin_only");
        As.superadmin(() -> {
            hosts.delete(host.id());
            return null;
        });
        assertThat(scenario.auditOf("host", host.id()))
                .extracting(e -> e.action() + "=" + e.result())
                .contains("host.delete=ok", "host.unblock=acl.superadmin_only", "host.block=ok", "host.create=ok");
    }

    @Test
    void setsListsAndDeletesPropertiesOfVisibleObjects() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        UserDto user = t.as(() -> users.create(new NewUser(null, "prop", "Pw-long-enough", null)));
        t.as(() -> properties.set(PropertyOwner.USER, user.id(), "department", "sales"));
        t.as(() -> properties.set(PropertyOwner.USER, user.id(), "department", "support"));
        assertThat(t.as(() -> properties.list(PropertyOwner.USER, user.id())))
                .extracting(PropertyDto::key, PropertyDto::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("department", "support"));
        t.as(() -> {
            properties.delete(PropertyOwner.USER, user.id(), "department");
            return null;
        });
        assertThat(t.as(() -> properties.list(PropertyOwner.USER, user.id()))).isEmpty();
        assertThatThrownBy(() -> t.as(() -> properties.set(PropertyOwner.VM, -1L, "k", "v")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTenantValueOverridesTheGlobalOneWhichOverridesTheDefault() throws Exception {
        Tenancy t = scenario.tenantWithAdmin("Tenant Admin");
        String key = "osf.default.memory";
        assertThat(t.as(() -> config.get(null, key)))
                .extracting(ConfigDto::value, ConfigDto::source)
                .containsExactly("256", "default");
        As.superadmin(() -> config.set(null, key, "512"));
        try {
            assertThat(t.as(() -> config.get(null, key)))
                    .extracting(ConfigDto::value, ConfigDto::source)
                    .containsExactly("512", "global");
            t.as(() -> config.set(null, key, "1024"));
            assertThat(t.as(() -> config.get(null, key)))
                    .extracting(ConfigDto::value, ConfigDto::source)
                    .containsExactly("1024", "tenant");
            assertThat(t.as(() -> config.delete(null, key)))
                    .extracting(ConfigDto::value)
                    .isEqualTo("512");
        } finally {
            As.superadmin(() -> config.delete(null, key));
        }
        assertThatThrownBy(() -> t.as(() -> config.set(null, key, "lots")))
                .isInstanceOf(InvalidInputException.class)
                .extracting("code")
                .isEqualTo("config.invalid_value");
        assertThat(t.as(() -> config.list(null))).extracting(ConfigDto::key).contains("vm.network.ip.start", key);
    }
}
