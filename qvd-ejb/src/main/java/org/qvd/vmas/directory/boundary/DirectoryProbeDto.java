package org.qvd.vmas.directory.boundary;

import java.util.List;

/**
 * What the directory says of a login, for an admin connecting a directory: whether it found the entry, its DN and
 * groups, and whether that user may log in (in the required group); {@code problem} when the directory did not answer.
 */
public record DirectoryProbeDto(
        boolean reachable,
        boolean found,
        String dn,
        List<String> groups,
        boolean admitted,
        Long osfId,
        String problem) {}
