package org.qvd.vma.session.entity;

import java.nio.file.Path;

/** The Unix account the session runs as, after provisioning. */
public record SessionUser(String name, int uid, int gid, Path home) {}
