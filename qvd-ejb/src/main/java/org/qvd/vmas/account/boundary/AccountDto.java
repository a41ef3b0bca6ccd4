package org.qvd.vmas.account.boundary;

import org.qvd.vmas.platform.audit.AuditSubject;

/** What screens need of any account (administrator or user) as services return it. */
public interface AccountDto extends AuditSubject {

    Long id();

    Long tenantId();

    /** The login name within the tenant: an administrator's name, a user's login. */
    String accountName();

    String description();
}
