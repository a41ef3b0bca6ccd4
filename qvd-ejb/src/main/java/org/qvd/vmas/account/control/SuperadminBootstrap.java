package org.qvd.vmas.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.ServerConfig;

/**
 * First start: when no administrator exists, creates {@code superadmin@*} with the Root role and the
 * password from {@code -Dqvd.superadmin.password} or {@code QVD_SUPERADMIN_PASSWORD}. The password is
 * never logged.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SuperadminBootstrap {

    public static final String PROPERTY = "qvd.superadmin.password";
    public static final String ENV = "QVD_SUPERADMIN_PASSWORD";
    public static final String NAME = "superadmin";
    private static final Logger LOG = Logger.getLogger(SuperadminBootstrap.class.getName());

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @PostConstruct
    void createFirstSuperadmin() {
        long admins = em.createNamedQuery(Administrator.COUNT, Long.class).getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = password();
        if (password == null) {
            LOG.warning("No administrator exists. Set the system property " + PROPERTY + " or the environment variable "
                    + ENV + " and restart to create '" + NAME + "@*'.");
            return;
        }
        if (password.length() < AccountConfigKeys.PASSWORD_MIN_LENGTH.defaultValue()) {
            // the operator chose it on this machine; accepted, but every later password must follow the policy
            LOG.warning("The first superadmin password is shorter than the password policy's "
                    + AccountConfigKeys.PASSWORD_MIN_LENGTH.defaultValue() + " characters; change it.");
        }
        Tenant star = em.find(Tenant.class, Tenant.SUPERTENANT_ID);
        Role root = em.createNamedQuery(Role.BY_TENANT_AND_NAME, Role.class)
                .setParameter("tenantId", Tenant.SUPERTENANT_ID)
                .setParameter("name", Role.ROOT)
                .getSingleResult();
        Administrator superadmin =
                new Administrator(star, NAME, new PasswordHasher().hash(password), "created at first start");
        superadmin.assign(root);
        em.persist(superadmin);
        LOG.info("Created administrator '" + NAME + "@*' with the Root role.");
    }

    private static String password() {
        return ServerConfig.text(PROPERTY).orElse(null); // the environment's name is ENV (MicroProfile's mapping)
    }
}
