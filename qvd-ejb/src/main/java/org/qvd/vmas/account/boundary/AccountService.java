package org.qvd.vmas.account.boundary;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.function.Function;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.PasswordPolicy;
import org.qvd.vmas.account.entity.Account;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.ErrorCode;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * The account flow administrators and users share (create with a unique login per tenant and a policy-checked
 * password, list, describe, set the password, block, unblock), done once. Each subclass is the EJB: its public
 * methods carry its own ACL, audit name and DTO and delegate here; what differs is in {@link Kind}.
 */
abstract class AccountService<E extends Account> {

    private static final PasswordHasher HASHER = new PasswordHasher();

    /**
     * What differs between the kinds of account.
     *
     * @param loginAttribute the entity attribute of the login name (also its sort name and filter)
     * @param countByLogin a named query counting {@code :login} in {@code :tenantId}
     * @param noun how error messages name the kind
     */
    record Kind<E extends Account>(
            Class<E> type,
            String loginAttribute,
            String countByLogin,
            String noun,
            ErrorCode duplicate,
            ErrorCode notFound,
            PasswordCheck.Kind cached) {

        Map<String, String> sortable() {
            return Map.of(
                    "id",
                    "id",
                    loginAttribute,
                    loginAttribute,
                    "tenant",
                    "tenant.name",
                    "blocked",
                    "blocked",
                    "createdAt",
                    "createdAt");
        }
    }

    /** Makes the entity of a new account from its tenant, login name and password hash. */
    interface Maker<E> {
        E make(Tenant tenant, String login, String passwordHash);
    }

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    PasswordPolicy passwords;

    @Inject
    PasswordCheck passwordCheck;

    private final Kind<E> kind;

    AccountService(Kind<E> kind) {
        this.kind = kind;
    }

    /** A new account in {@code tenantId}: its login unique there, its password within the tenant's policy. */
    E createAccount(long tenantId, String login, String password, Maker<E> maker) {
        Tenant tenant = Scoped.find(em, Tenant.class, tenantId, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
        passwords.check(tenantId, password);
        long same = em.createNamedQuery(kind.countByLogin(), Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter(kind.loginAttribute(), login)
                .getSingleResult();
        if (same > 0) {
            throw new ConflictException(
                    kind.duplicate(), kind.noun() + " '" + login + "' exists in tenant '" + tenant.getName() + "'");
        }
        E account = maker.make(tenant, login, HASHER.hash(password));
        em.persist(account);
        return account;
    }

    /** A page of the accounts the caller sees: of {@code tenantId}, login containing {@code login}, blocked or not. */
    <D> Page<D> listAccounts(Long tenantId, String login, Boolean blocked, PageRequest page, Function<E, D> toDto) {
        Long scope = CurrentCaller.get().listScope(tenantId);
        return ListQuery.page(
                em,
                kind.type(),
                page,
                kind.sortable(),
                where -> where.equal("tenant.id", scope)
                        .contains(kind.loginAttribute(), login)
                        .equal("blocked", blocked),
                toDto);
    }

    /** A new description; null keeps the current one. */
    E describeAccount(Long id, String description) {
        E account = find(id);
        if (description != null) {
            account.describe(description);
        }
        return account;
    }

    E setPassword(Long id, String password) {
        E account = find(id);
        passwords.check(account.getTenant().getId(), password);
        account.changePasswordHash(HASHER.hash(password));
        passwordCheck.forget(kind.cached(), id); // the new hash misses it anyway, on every node
        return account;
    }

    E blockAccount(E account) {
        account.block();
        passwordCheck.forget(kind.cached(), account.getId()); // a login reads the block anyway, on every node
        return account;
    }

    E unblockAccount(Long id) {
        E account = find(id);
        account.unblock();
        return account;
    }

    void removeAccount(E account) {
        em.remove(account);
        passwordCheck.forget(kind.cached(), account.getId());
    }

    /** The account if the caller's tenant may see it; otherwise it "does not exist". */
    E find(Long id) {
        return Scoped.find(em, kind.type(), id, a -> a.getTenant().getId(), kind.notFound());
    }
}
