package org.qvd.vmas.directory.entity;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A directory's settings as values. {@code %u} in the user filter stands for the login (escaped), {@code %d} and
 * {@code %u} in the group filter for the user's DN and login. {@code bindSecret}: null keeps the stored one, empty
 * clears it (anonymous search); never printed.
 */
public record DirectorySettings(
        String url,
        boolean startTls,
        String caPem,
        String bindDn,
        String bindSecret,
        String userBaseDn,
        String userFilter,
        String groupBaseDn,
        String groupFilter,
        String requiredGroup,
        boolean localUsers,
        Long provisionOsfId,
        String provisionTag,
        int cacheSeconds,
        boolean enabled,
        SortedMap<String, Long> groupOsfs) {

    public static final String DEFAULT_USER_FILTER = "(uid=%u)";
    public static final String DEFAULT_GROUP_FILTER = "(|(member=%d)(uniqueMember=%d)(memberUid=%u))";

    public DirectorySettings {
        groupOsfs = groupOsfs == null ? new TreeMap<>() : new TreeMap<>(groupOsfs);
    }

    /** Where groups are searched: their own base, else the users' base. */
    public String groupBase() {
        return groupBaseDn == null || groupBaseDn.isBlank() ? userBaseDn : groupBaseDn;
    }

    /** The OSF a member of {@code groups} gets: the first mapped group in name order, else the default (or none). */
    public Long osfFor(java.util.Collection<String> groups) {
        for (Map.Entry<String, Long> e : groupOsfs.entrySet()) {
            if (groups.stream().anyMatch(g -> g.equalsIgnoreCase(e.getKey()))) {
                return e.getValue();
            }
        }
        return provisionOsfId;
    }

    @Override
    public String toString() {
        return "DirectorySettings[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn + ", userBaseDn="
                + userBaseDn + ", userFilter=" + userFilter + ", groupFilter=" + groupFilter + ", requiredGroup="
                + requiredGroup + ", enabled=" + enabled + "]";
    }
}
