package org.qvd.vmas.directory.control;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.qvd.vmas.directory.entity.DirectorySettings;

/**
 * One directory server as one set of settings sees it: a small pool of connections bound as the service account
 * (LDAPS, or StartTLS before anything is sent), lookups of a login's entry and groups, and binds as a user.
 *
 * <p>Never a lock-up: connecting (TLS handshake and StartTLS included) is bounded by {@link #CONNECT_TIMEOUT}, every
 * answer by {@link #RESPONSE_TIMEOUT}; logins that arrive while a connection is being made wait for that one attempt
 * instead of making their own; after a failure to reach the server every call fails at once for
 * {@link #QUIET_AFTER_FAILURE}, so that a logon storm against a dead directory holds the L7R's login lane for one
 * connection attempt, not one per login.
 */
public final class LdapEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LdapEndpoint.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(10);
    static final Duration WAIT_FOR_CONNECT = Duration.ofSeconds(1);
    private static final int MAX_CONNECTIONS = 8;
    private static final String[] ATTRIBUTES = {"cn", "memberOf"};

    private final DirectorySettings settings;
    private final LongSupplier nanoClock;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile LDAPConnectionPool pool;
    private volatile boolean slowConnect;
    private volatile long quietUntil;
    private volatile String lastFailure;
    private volatile boolean failed;

    public LdapEndpoint(DirectorySettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** The login's entry with its groups; empty when the directory has no such user. */
    public Optional<DirectoryEntry> lookup(String login) {
        LDAPConnectionPool p = pool();
        try {
            SearchRequest search = new SearchRequest(
                    settings.userBaseDn(),
                    SearchScope.SUB,
                    Filter.create(fill(settings.userFilter(), login, null)),
                    ATTRIBUTES);
            search.setSizeLimit(2);
            search.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
            SearchResult found = p.search(search);
            if (found.getEntryCount() == 0) {
                return Optional.empty();
            }
            if (found.getEntryCount() > 1) {
                throw new DirectoryUnavailableException("the directory has more than one entry for login '" + login
                        + "' under " + settings.userBaseDn() + ": make the user filter unique");
            }
            SearchResultEntry entry = found.getSearchEntries().get(0);
            return Optional.of(new DirectoryEntry(entry.getDN(), groups(p, entry, login)));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw new DirectoryUnavailableException("the directory has more than one entry for login '" + login
                        + "' under " + settings.userBaseDn() + ": make the user filter unique");
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw unavailable("searching for the user", e);
        }
    }

    /** Whether {@code password} is the password of the entry {@code dn} (a simple bind; an empty one is refused). */
    public boolean bind(String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false; // an empty password would be an anonymous bind, which "succeeds"
        }
        LDAPConnectionPool p = pool();
        try {
            SimpleBindRequest bind = new SimpleBindRequest(dn, password);
            bind.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
            return p.bindAndRevertAuthentication(bind).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                    || e.getResultCode() == ResultCode.INVALID_DN_SYNTAX
                    || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw unavailable("binding as the user", e);
        }
    }

    private Set<String> groups(LDAPConnectionPool p, SearchResultEntry entry, String login) throws LDAPException {
        Set<String> groups = new LinkedHashSet<>();
        // Active Directory lists the groups in the user's own entry
        for (String memberOf :
                entry.getAttributeValues("memberOf") == null ? new String[0] : entry.getAttributeValues("memberOf")) {
            addGroup(groups, memberOf, null);
        }
        if (settings.groupFilter() != null && !settings.groupFilter().isBlank()) {
            SearchRequest search = new SearchRequest(
                    settings.groupBase(),
                    SearchScope.SUB,
                    Filter.create(fill(settings.groupFilter(), login, entry.getDN())),
                    "cn");
            search.setSizeLimit(1000);
            search.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
            for (SearchResultEntry group : p.search(search).getSearchEntries()) {
                addGroup(groups, group.getDN(), group.getAttribute("cn"));
            }
        }
        return groups;
    }

    private static void addGroup(Set<String> groups, String dn, Attribute cn) {
        groups.add(dn);
        if (cn != null) {
            groups.add(cn.getValue());
        } else {
            try {
                groups.add(new DN(dn).getRDN().getAttributeValues()[0]);
            } catch (LDAPException e) {
                // not a DN: its text is all we have
            }
        }
    }

    /** The filter with {@code %u} (the login) and {@code %d} (the user's DN) in, both escaped for a filter. */
    static String fill(String filter, String login, String dn) {
        String out = filter.replace("%u", Filter.encodeValue(login));
        return dn == null ? out : out.replace("%d", Filter.encodeValue(dn));
    }

    /**
     * The pool, connected if need be. One login connects; the others wait for that attempt at most
     * {@link #WAIT_FOR_CONNECT}, and once one of them gave up, the rest fail at once until the attempt ends: a server
     * that accepts connections but never answers holds one login (the L7R's login lane has a slot per core), not all.
     */
    private LDAPConnectionPool pool() {
        quietCheck();
        LDAPConnectionPool current = pool;
        if (current != null && !current.isClosed()) {
            return current;
        }
        if (slowConnect && connecting.isLocked()) {
            throw new DirectoryUnavailableException(
                    "the directory " + settings.url() + " does not answer: a connection "
                            + "attempt has been under way for more than " + WAIT_FOR_CONNECT.toMillis() + " ms");
        }
        boolean mine;
        try {
            mine = connecting.tryLock(WAIT_FOR_CONNECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException("interrupted while waiting for the directory " + settings.url());
        }
        if (!mine) {
            slowConnect = true;
            throw new DirectoryUnavailableException(
                    "the directory " + settings.url() + " does not answer: a connection "
                            + "attempt has been under way for more than " + WAIT_FOR_CONNECT.toMillis() + " ms");
        }
        try {
            quietCheck();
            if (pool != null && !pool.isClosed()) {
                return pool;
            }
            pool = connect();
            failed = false;
            return pool;
        } catch (LDAPException | GeneralSecurityException e) {
            throw unavailable("connecting", e);
        } finally {
            slowConnect = false;
            connecting.unlock();
        }
    }

    private void quietCheck() {
        if (failed && nanoClock.getAsLong() - quietUntil < 0) {
            throw new DirectoryUnavailableException("the directory " + settings.url() + " is unreachable ("
                    + lastFailure + "); not asked again for " + QUIET_AFTER_FAILURE.toSeconds() + " s after a failure");
        }
    }

    private LDAPConnectionPool connect() throws LDAPException, GeneralSecurityException {
        LDAPURL url = new LDAPURL(settings.url());
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        SSLContext tls = TlsTrust.context(settings.caPem());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) CONNECT_TIMEOUT.toMillis());
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT.toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        options.setFollowReferrals(false);
        // the TLS handshake is part of connecting: bounded like it (the library's own limits start after it)
        SocketFactory sockets =
                new BoundedSockets(ldaps ? tls.getSocketFactory() : SocketFactory.getDefault(), CONNECT_TIMEOUT);
        SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
        BindRequest service = settings.bindDn() == null || settings.bindDn().isBlank()
                ? null
                : new SimpleBindRequest(settings.bindDn(), settings.bindSecret() == null ? "" : settings.bindSecret());
        LDAPConnectionPool created = new LDAPConnectionPool(
                server,
                service,
                1,
                MAX_CONNECTIONS,
                settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null);
        created.setConnectionPoolName("qvd-directory");
        created.setMaxWaitTimeMillis(RESPONSE_TIMEOUT.toMillis());
        created.setRetryFailedOperationsDueToInvalidConnections(true);
        return created;
    }

    private DirectoryUnavailableException unavailable(String doing, Exception e) {
        String why = e instanceof LDAPException l
                ? l.getExceptionMessage(false, false)
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof LDAPException l && l.getResultCode().isConnectionUsable()) {
            return new DirectoryUnavailableException(
                    "the directory " + settings.url() + " refused " + doing + " (" + why + ")");
        }
        synchronized (this) {
            failed = true;
            lastFailure = doing + ": " + why;
            quietUntil = nanoClock.getAsLong() + QUIET_AFTER_FAILURE.toNanos();
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
        LOG.log(Level.WARNING, "directory {0} unreachable while {1}: {2}", new Object[] {settings.url(), doing, why});
        return new DirectoryUnavailableException(
                "the directory " + settings.url() + " is unreachable (" + doing + ": " + why + ")");
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
