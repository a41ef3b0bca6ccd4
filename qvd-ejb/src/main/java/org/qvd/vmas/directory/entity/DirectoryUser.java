package org.qvd.vmas.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user who came from a directory: the entry's DN, when the directory last vouched for the user, and — shown to
 * admins — why it last refused the user (removed from the directory, outside the required group, ...).
 */
@Entity
@Table(name = "directory_user")
@NamedQuery(
        name = DirectoryUser.BY_DIRECTORY,
        query = "SELECT u FROM DirectoryUser u WHERE u.directoryId = :directoryId" + " ORDER BY u.userId")
public class DirectoryUser {

    public static final String BY_DIRECTORY = "DirectoryUser.byDirectory";
    /** The password hash of a user whose password only the directory knows (bcrypt hashes never look like it). */
    public static final String NO_LOCAL_PASSWORD = "{directory}";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "directory_id", nullable = false)
    private Long directoryId;

    @Column(name = "dn", nullable = false, length = 2048)
    private String dn;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "refusal", length = 1024)
    private String refusal;

    @Column(name = "refused_at")
    private Instant refusedAt;

    protected DirectoryUser() {}

    public DirectoryUser(long userId, long directoryId, String dn) {
        this.userId = userId;
        this.directoryId = directoryId;
        this.dn = dn;
    }

    /** The directory vouched for the user (again), maybe under a new DN. */
    public void vouched(long directory, String currentDn, Instant now) {
        this.directoryId = directory;
        this.dn = currentDn;
        this.checkedAt = now;
        this.refusal = null;
        this.refusedAt = null;
    }

    public void refused(String why, Instant now) {
        this.refusal = why.length() > 1024 ? why.substring(0, 1024) : why;
        this.refusedAt = now;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getDirectoryId() {
        return directoryId;
    }

    public String getDn() {
        return dn;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getRefusal() {
        return refusal;
    }

    public Instant getRefusedAt() {
        return refusedAt;
    }
}
