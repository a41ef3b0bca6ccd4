package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A person who owns VMs and logs in through a QVD client as {@code login@tenant}. */
@Entity
@Table(name = "app_user")
@NamedQuery(
        name = AppUser.BY_LOGIN,
        query = "SELECT u FROM AppUser u JOIN FETCH u.tenant WHERE u.login = :login AND u.tenant.name = :tenant")
@NamedQuery(
        name = AppUser.COUNT_BY_LOGIN,
        query = "SELECT COUNT(u) FROM AppUser u WHERE u.tenant.id = :tenantId AND u.login = :login")
public class AppUser extends Account {

    public static final String BY_LOGIN = "AppUser.byLogin";
    public static final String COUNT_BY_LOGIN = "AppUser.countByLogin";

    @Column(name = "login", nullable = false, length = 64)
    private String login;

    protected AppUser() {}

    public AppUser(Tenant tenant, String login, String passwordHash, String description) {
        super(tenant, passwordHash, description);
        this.login = login;
    }

    /** Whether the user may log in: neither the user nor its tenant is blocked. */
    public boolean mayLogIn() {
        return !isBlocked() && !getTenant().isBlocked();
    }

    public String getLogin() {
        return login;
    }
}
