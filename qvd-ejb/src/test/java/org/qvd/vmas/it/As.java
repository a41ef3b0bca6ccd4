package org.qvd.vmas.it;

import java.util.concurrent.Callable;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/** Runs code as an administrator, authenticated by Elytron's jdbc-realm over the VMAS tables. */
public final class As {

    /** The superadmin the bootstrap created from -Dqvd.superadmin.password. */
    public static final String SUPERADMIN = "superadmin@*";

    private As() {}

    public static String superadminPassword() {
        return System.getProperty("qvd.superadmin.password");
    }

    public static <T> T superadmin(Callable<T> action) throws Exception {
        return admin(SUPERADMIN, superadminPassword(), action);
    }

    public static <T> T admin(String login, String password, Callable<T> action) throws Exception {
        return identity(login, password).runAs(action);
    }

    /** @throws SecurityException when Elytron refuses the login */
    public static SecurityIdentity identity(String login, String password) throws Exception {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw new IllegalStateException("no Elytron security domain on this thread");
        }
        return domain.authenticate(login, new PasswordGuessEvidence(password.toCharArray()));
    }
}
