package org.qvd.vmas.directory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qvd.vmas.account.boundary.AuthenticationFailedException;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.directory.control.AutoProvisioning;
import org.qvd.vmas.directory.control.DirectoryEndpoints;
import org.qvd.vmas.directory.control.DirectoryEntry;
import org.qvd.vmas.directory.control.DirectoryPasswordCheck;
import org.qvd.vmas.directory.control.DirectoryRefusals;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectorySettings;
import org.qvd.vmas.directory.entity.DirectoryUser;

/**
 * Logins of users whose tenant has a directory, for every entry point that logs a user in (the L7R's Basic and its
 * {@code create_auth_token}, through {@code UserAuthenticationService}; tokens, through {@code UserTokenService}).
 *
 * <p>A login is the directory's when the tenant has an enabled directory and the user is not a local user that the
 * directory leaves alone ({@code localUsers}). Then the directory must know the login (a search as the service
 * account), the user must be in the required group, and the password must bind as the entry (through the
 * verified-credential cache, {@link DirectoryPasswordCheck}). A first login creates the user and, by its groups, a
 * VM; a refusal of a known user is kept where admins see it ({@link DirectoryRefusals}). An unreachable directory
 * answers {@code directory.unavailable} (503) within the connection's time limits, refusing nobody for good.
 */
@ApplicationScoped
public class DirectoryLogins {

    static final Duration POLICY_TTL = Duration.ofSeconds(10);

    private record CachedPolicy(boolean localUsersOff, long expiresAt) {}

    private final Map<String, CachedPolicy> policies = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    DirectoryEndpoints endpoints;

    @Inject
    DirectoryRefusals refusals;

    @Inject
    AutoProvisioning provisioning;

    @Inject
    DirectoryPasswordCheck passwords;

    /**
     * The user the directory logs in; empty when this login is not the directory's to decide.
     *
     * @param existing the user row of the login, or null
     * @throws AuthenticationFailedException refused (unknown, outside the group, wrong password, blocked)
     */
    public Optional<AppUser> authenticate(Login login, AppUser existing, String password) {
        if (existing != null && !DirectoryUser.NO_LOCAL_PASSWORD.equals(existing.getPasswordHash())) {
            if (localUsersOff(login.tenant())) {
                throw refused(
                        existing,
                        "directory.local_users_off",
                        "local users of tenant " + login.tenant()
                                + " may not log in: its directory's localUsers setting is off");
            }
            return Optional.empty();
        }
        Directory directory = directory(login.tenant()).orElse(null);
        if (directory == null || !directory.isEnabled()) {
            if (existing == null) {
                return Optional.empty();
            }
            throw refused(
                    existing,
                    "directory.disabled",
                    "the directory of tenant " + login.tenant() + " is deleted or disabled");
        }
        DirectoryEntry entry = vouchedEntry(directory, login.name(), existing);
        AppUser user = existing != null ? existing : provisioning.user(directory, login.name(), entry);
        link(user, directory, entry);
        if (!passwords.verify(user, password)) {
            throw new AuthenticationFailedException(); // rolls a first login's provisioning back
        }
        if (!user.mayLogIn() || user.getTenant().getId() == Tenant.SUPERTENANT_ID) {
            throw new AuthenticationFailedException();
        }
        DirectorySettings settings = directory.settings();
        provisioning.vm(user, settings.osfFor(entry.groups()), settings.provisionTag());
        return Optional.of(user);
    }

    /**
     * For logins without a password (tokens): refuses a directory user whom the directory no longer vouches for.
     * Local users pass unchecked.
     */
    public void recheck(AppUser user) {
        if (!DirectoryUser.NO_LOCAL_PASSWORD.equals(user.getPasswordHash())) {
            return;
        }
        Directory directory = em.createNamedQuery(Directory.BY_TENANT, Directory.class)
                .setParameter("tenantId", user.getTenant().getId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (directory == null || !directory.isEnabled()) {
            throw refused(
                    user,
                    "directory.disabled",
                    "the directory of tenant " + user.getTenant().getName() + " is deleted or disabled");
        }
        link(user, directory, vouchedEntry(directory, user.getLogin(), user));
    }

    /** The user's link to the directory, made (again: the directory may have been deleted and made anew) or updated. */
    private void link(AppUser user, Directory directory, DirectoryEntry entry) {
        DirectoryUser link = em.find(DirectoryUser.class, user.getId());
        if (link == null) {
            link = new DirectoryUser(user.getId(), directory.getId(), entry.dn());
            em.persist(link);
        }
        link.vouched(directory.getId(), entry.dn(), Instant.now());
    }

    /** The entry of the login, if it exists and is in the required group; else refused (and kept for a known user). */
    private DirectoryEntry vouchedEntry(Directory directory, String login, AppUser existing) {
        DirectorySettings settings = directory.settings();
        Optional<DirectoryEntry> found = endpoints.lookup(directory.getId(), directory.getRevision(), settings, login);
        if (found.isEmpty()) {
            throw refused(
                    existing,
                    "directory.user_missing",
                    "'" + login + "' is no longer in the directory (" + settings.userFilter() + " under "
                            + settings.userBaseDn() + " finds no entry)");
        }
        String group = settings.requiredGroup();
        if (group != null && !group.isBlank() && !found.get().memberOf(group)) {
            throw refused(
                    existing,
                    "directory.not_in_group",
                    "'" + login + "' (" + found.get().dn() + ") is not a member of the required group '" + group + "'");
        }
        return found.get();
    }

    private AuthenticationFailedException refused(AppUser user, String code, String why) {
        if (user != null) {
            refusals.record(user, code, why);
        }
        return new AuthenticationFailedException();
    }

    /**
     * Whether the tenant's directory turns its local users off; remembered for {@link #POLICY_TTL} per node, so that
     * a logon storm of local users costs no query for it (a change applies on every node within that time).
     */
    private boolean localUsersOff(String tenantName) {
        long now = System.nanoTime();
        CachedPolicy cached = policies.get(tenantName);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.localUsersOff();
        }
        boolean off = directory(tenantName)
                .map(d -> d.isEnabled() && !d.isLocalUsers())
                .orElse(false);
        if (policies.size() > 10_000) {
            policies.clear();
        }
        policies.put(tenantName, new CachedPolicy(off, now + POLICY_TTL.toNanos()));
        return off;
    }

    private Optional<Directory> directory(String tenantName) {
        return em.createNamedQuery(Directory.BY_TENANT_NAME, Directory.class)
                .setParameter("tenant", tenantName)
                .getResultStream()
                .findFirst();
    }
}
