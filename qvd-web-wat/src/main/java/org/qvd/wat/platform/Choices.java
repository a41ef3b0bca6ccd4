package org.qvd.wat.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * Options for the dialogs' selects: tenants (for superadmins), OSFs, users (searched as typed); the lists' state
 * filters (from the state vocabulary, so an added state shows up without editing a page).
 */
@Named
@RequestScoped
public class Choices {

    @Inject
    TenantService tenants;

    @Inject
    OsfService osfs;

    @Inject
    UserService users;

    private List<TenantDto> tenantList;
    private List<OsfDto> osfList;

    /** The VM states' wire names, in the vocabulary's order. */
    public List<String> getVmStates() {
        return WireNamed.names(VmState.class);
    }

    /** The host states' wire names, in the vocabulary's order. */
    public List<String> getHostStates() {
        return WireNamed.names(HostState.class);
    }

    /** Tenants that can own objects (never '*'). */
    public List<TenantDto> getTenants() {
        if (tenantList == null) {
            tenantList = tenants.list(null, PageRequest.of(0, PageRequest.MAX_SIZE, "name", false)).items().stream()
                    .filter(t -> t.id() != Caller.SUPERTENANT_ID)
                    .toList();
        }
        return tenantList;
    }

    /** Every tenant, '*' included (superadmins create superadmins there). */
    public List<TenantDto> getAllTenants() {
        return tenants.list(null, PageRequest.of(0, PageRequest.MAX_SIZE, "name", false))
                .items();
    }

    public List<OsfDto> getOsfs() {
        if (osfList == null) {
            osfList = osfs.list(null, PageRequest.of(0, PageRequest.MAX_SIZE, "name", false))
                    .items();
        }
        return osfList;
    }

    /** Users whose login contains the text, as {@code login@tenant #id}. */
    public List<String> completeUser(String text) {
        return users.list(new UserFilter(null, text, null), PageRequest.of(0, 20, "login", false)).items().stream()
                .map(Choices::userRef)
                .toList();
    }

    public static String userRef(UserDto u) {
        return u.login() + "@" + u.tenantName() + " #" + u.id();
    }

    /** The id from a {@code ... #id} reference, or null. */
    public static Long idOf(String ref) {
        if (ref == null || ref.lastIndexOf('#') < 0) {
            return null;
        }
        try {
            return Long.valueOf(ref.substring(ref.lastIndexOf('#') + 1).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
