package org.qvd.vmas.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.identity.control.SsoTickets;
import org.qvd.vmas.identity.control.SsoTickets.Kind;
import org.qvd.vmas.identity.entity.SsoError;
import org.qvd.vmas.identity.entity.SsoRoleMapping;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.text.LogText;

/**
 * Single sign-on of administrators. The single sign-on application ({@code qvd-sso.war}, protected by WildFly's
 * OIDC client) hands over who the provider vouched for; this maps the claims to one tenant and its roles
 * ({@link SsoRoleMapping}), creates or updates that administrator (no password of its own: {@link #NO_PASSWORD}) and
 * answers with a ticket for the WAT (once, within a minute) or the REST API (a bearer token). An administrator with a
 * local password is never taken over: local passwords stay the break-glass path, whatever the provider says.
 */
@Stateless
@PermitAll
public class SsoLogins {

    /** The password hash of an administrator made by single sign-on: no password matches it. */
    public static final String NO_PASSWORD = "{sso}";

    static final Duration MAX_API_TTL = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Logger LOG = Logger.getLogger(SsoLogins.class.getName());

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    SsoTickets tickets;

    @Inject
    AuditSink audit;

    /** A browser's single sign-on: the answer's ticket logs it in to the WAT once, within a minute. */
    public SsoAdmission admitBrowser(SsoIdentity identity, String source) {
        return admit(identity, Kind.LOGIN, SsoTickets.LOGIN_TTL, source);
    }

    /** A provider's access token exchanged for a REST bearer token, valid as long as it (at most an hour). */
    public SsoAdmission admitApi(SsoIdentity identity, Instant providerTokenExpiry, String source) {
        Duration ttl = MAX_API_TTL;
        if (providerTokenExpiry != null) {
            Duration left = Duration.between(Instant.now(), providerTokenExpiry);
            ttl = left.compareTo(ttl) < 0 ? left : ttl;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            return SsoAdmission.refused(SsoError.NO_MAPPING.code(), "the provider's token has expired");
        }
        return admit(identity, Kind.API, ttl, source);
    }

    /** The administrator a WAT login ticket names, the first time it is shown and while the administrator may log in. */
    public Optional<String> redeemLogin(String ticket) {
        return tickets.verify(ticket, Kind.LOGIN).filter(this::stillValid).map(SsoTickets.Ticket::principal);
    }

    /** The administrator an API ticket names while it is unexpired and the administrator was not blocked since. */
    public Optional<String> apiPrincipal(String ticket) {
        return tickets.verify(ticket, Kind.API).filter(this::stillValid).map(SsoTickets.Ticket::principal);
    }

    private boolean stillValid(SsoTickets.Ticket t) {
        return find(Login.parse(t.principal()))
                .map(a -> a.acceptsTokenIssuedAt(t.issuedAt().minusMillis(1)))
                .orElse(false);
    }

    private SsoAdmission admit(SsoIdentity identity, Kind kind, Duration ttl, String source) {
        List<SsoRoleMapping> matched = em.createNamedQuery(SsoRoleMapping.FOR_CLAIMS, SsoRoleMapping.class)
                .setParameter(
                        "claims",
                        identity.claims().isEmpty()
                                ? Set.of("")
                                : identity.claims().keySet())
                .getResultStream()
                .filter(m -> identity.holds(m.getClaim(), m.getClaimValue()))
                .toList();
        String who = identity.username() == null ? "" : identity.username().trim();
        int at = who.indexOf('@');
        String name = at > 0 ? who.substring(0, at) : who;
        if (matched.isEmpty()) {
            return refuse(
                    identity,
                    name,
                    null,
                    SsoError.NO_MAPPING,
                    "no QVD role is mapped to your identity " + "provider's groups or claims; ask a QVD administrator",
                    source);
        }
        Set<Tenant> tenants = new LinkedHashSet<>();
        matched.forEach(m -> tenants.add(m.getTenant()));
        if (tenants.size() > 1) {
            return refuse(
                    identity,
                    name,
                    null,
                    SsoError.AMBIGUOUS_TENANT,
                    "your identity provider's claims map to " + "more than one QVD tenant; ask a QVD administrator",
                    source);
        }
        Tenant tenant = tenants.iterator().next();
        if (!NAME.matcher(name).matches()) {
            return refuse(
                    identity,
                    name,
                    tenant,
                    SsoError.NO_MAPPING,
                    "the identity provider's user name cannot be " + "an administrator's name",
                    source);
        }
        Administrator admin = find(new Login(name, tenant.getName())).orElse(null);
        if (admin != null && !NO_PASSWORD.equals(admin.getPasswordHash())) {
            return refuse(
                    identity,
                    name,
                    tenant,
                    SsoError.LOCAL_ADMIN,
                    "'" + name + "@" + tenant.getName() + "' is a local administrator and logs in with its password",
                    source);
        }
        if (tenant.isBlocked() || (admin != null && admin.isBlocked())) {
            return refuse(
                    identity, name, tenant, SsoError.BLOCKED, "the administrator or its tenant is blocked", source);
        }
        if (admin == null) {
            admin = create(tenant, name, identity.issuer());
        }
        Set<Role> roles = new LinkedHashSet<>();
        matched.forEach(m -> roles.add(m.getRole()));
        for (Role held : admin.getRoles()) {
            if (!roles.contains(held)) {
                admin.unassign(held); // the provider's claims decide, at every login
            }
        }
        roles.forEach(admin::assign);
        em.flush();
        String principal = name + "@" + tenant.getName();
        List<String> roleNames = roles.stream().map(Role::getName).sorted().toList();
        record(admin.getId(), principal, tenant, "admin.login.sso", identity, roleNames, AuditEvent.OK, source);
        return new SsoAdmission(
                principal,
                roleNames,
                tickets.issue(kind, principal, ttl),
                Instant.now().plus(ttl),
                null,
                null);
    }

    /**
     * The administrator made by this first single sign-on; two at once (two tabs) must not fail on the unique name:
     * PostgreSQL's {@code ON CONFLICT DO NOTHING} makes the second wait for the first and then use its row.
     */
    private Administrator create(Tenant tenant, String name, String issuer) {
        em.createNativeQuery(
                        "INSERT INTO administrator (tenant_id, name, password_hash, description) VALUES (?1, ?2, ?3,"
                                + " ?4) ON CONFLICT ON CONSTRAINT uk_administrator_tenant_name DO NOTHING")
                .setParameter(1, tenant.getId())
                .setParameter(2, name)
                .setParameter(3, NO_PASSWORD)
                .setParameter(4, "single sign-on (" + issuer + ")")
                .executeUpdate();
        return find(new Login(name, tenant.getName())).orElseThrow();
    }

    private SsoAdmission refuse(
            SsoIdentity identity, String name, Tenant tenant, SsoError code, String text, String source) {
        LOG.warning("single sign-on refused (" + code.code() + "): '" + LogText.escape(name) + "' of "
                + LogText.escape(identity.issuer()) + " from " + LogText.escape(source));
        record(
                null,
                name.isEmpty() ? "(none)" : name,
                tenant,
                "admin.login.sso",
                identity,
                List.of(),
                code.code(),
                source);
        return SsoAdmission.refused(code.code(), text);
    }

    private void record(
            Long adminId,
            String login,
            Tenant tenant,
            String action,
            SsoIdentity identity,
            List<String> roles,
            String result,
            String source) {
        String arguments = jakarta.json.Json.createObjectBuilder()
                .add("issuer", String.valueOf(identity.issuer()))
                .add("subject", String.valueOf(identity.subject()))
                .add("roles", jakarta.json.Json.createArrayBuilder(roles))
                .build()
                .toString();
        audit.record(new AuditEvent(
                adminId,
                login,
                tenant == null ? null : tenant.getId(),
                tenant == null ? null : tenant.getName(),
                tenant != null && tenant.isSupertenant(),
                action,
                "admin",
                adminId,
                login,
                arguments,
                result,
                source));
    }

    private Optional<Administrator> find(Login login) {
        return em.createNamedQuery(Administrator.BY_LOGIN, Administrator.class)
                .setParameter("name", login.name())
                .setParameter("tenant", login.tenant())
                .getResultStream()
                .findFirst();
    }
}
