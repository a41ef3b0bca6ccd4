package org.qvd.vmas.directory.boundary;

import java.time.Instant;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.directory.entity.DirectoryUser;

/** A user who came from the directory: its entry, when the directory last vouched for it, and why it last refused it. */
public record DirectoryUserDto(
        long userId, String login, String dn, Instant checkedAt, String refusal, Instant refusedAt) {

    static DirectoryUserDto of(DirectoryUser link, AppUser user) {
        return new DirectoryUserDto(
                link.getUserId(),
                user.getLogin(),
                link.getDn(),
                link.getCheckedAt(),
                link.getRefusal(),
                link.getRefusedAt());
    }
}
