package org.qvd.vmas.directory.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qvd.vmas.directory.entity.DirectorySettings;

/**
 * This node's connections to the tenants' directories, one {@link LdapEndpoint} per directory and revision of its
 * settings, and a short cache of lookups (a login's DN and groups; never a password) that keeps a logon storm from
 * asking the directory once per request. A directory's {@code cacheSeconds} bound how long a user removed from the
 * directory or a group can still log in on a node; 0 asks at every login.
 */
@ApplicationScoped
public class DirectoryEndpoints {

    private static final int MAX_CACHED = 50_000;

    private record Key(long directoryId, int revision) {}

    private record Cached(Optional<DirectoryEntry> entry, long expiresAt) {}

    private final Map<Long, Map.Entry<Key, LdapEndpoint>> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Cached> lookups = new ConcurrentHashMap<>();

    /** The entry of {@code login} in the directory, from the cache when it was looked up lately. */
    public Optional<DirectoryEntry> lookup(long directoryId, int revision, DirectorySettings settings, String login) {
        String cacheKey = directoryId + "/" + revision + "/" + login.toLowerCase(java.util.Locale.ROOT);
        long now = System.nanoTime();
        Cached cached = settings.cacheSeconds() > 0 ? lookups.get(cacheKey) : null;
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.entry();
        }
        Optional<DirectoryEntry> entry =
                endpoint(directoryId, revision, settings).lookup(login);
        if (settings.cacheSeconds() > 0) {
            if (lookups.size() >= MAX_CACHED) {
                lookups.clear();
            }
            lookups.put(
                    cacheKey,
                    new Cached(
                            entry,
                            now + Duration.ofSeconds(settings.cacheSeconds()).toNanos()));
        }
        return entry;
    }

    /** Whether {@code password} binds as {@code dn}: the slow check behind the verified-credential cache. */
    public boolean bind(long directoryId, int revision, DirectorySettings settings, String dn, String password) {
        return endpoint(directoryId, revision, settings).bind(dn, password);
    }

    /** Forgets a directory (changed or deleted): its connections close, its lookups are asked again. */
    public void forget(long directoryId) {
        Map.Entry<Key, LdapEndpoint> old = endpoints.remove(directoryId);
        if (old != null) {
            old.getValue().close();
        }
        lookups.keySet().removeIf(k -> k.startsWith(directoryId + "/"));
    }

    private LdapEndpoint endpoint(long directoryId, int revision, DirectorySettings settings) {
        Key key = new Key(directoryId, revision);
        Map.Entry<Key, LdapEndpoint> current = endpoints.compute(directoryId, (id, old) -> {
            if (old != null && old.getKey().equals(key)) {
                return old;
            }
            if (old != null) {
                old.getValue().close();
            }
            return Map.entry(key, new LdapEndpoint(settings, System::nanoTime));
        });
        return current.getValue();
    }

    @PreDestroy
    void close() {
        endpoints.values().forEach(e -> e.getValue().close());
        endpoints.clear();
    }
}
