package org.qvd.vmas.directory.control;

import java.util.Set;

/** A user's entry as the directory showed it: its DN and the names (cn) and DNs of the groups it belongs to. */
public record DirectoryEntry(String dn, Set<String> groups) {

    public DirectoryEntry {
        groups = Set.copyOf(groups);
    }

    /** Whether the user belongs to {@code group} (a cn or a DN, case-insensitively). */
    public boolean memberOf(String group) {
        return groups.stream().anyMatch(g -> g.equalsIgnoreCase(group.trim()));
    }
}
