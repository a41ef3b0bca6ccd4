package org.qvd.vmas.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.qvd.vmas.platform.SecretBox;

/**
 * At start, encrypts the secrets an older version stored in clear (directories' bind passwords, administrators' TOTP
 * secrets): afterwards the database holds none in clear. Idempotent: only values without {@link SecretBox#PREFIX}
 * are touched, so nodes starting together do the same harmless work.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class.getName());

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @PostConstruct
    void sealClearSecrets() {
        int sealed = seal("directory", "id", "bind_secret") + seal("admin_totp", "administrator_id", "secret");
        if (sealed > 0) {
            LOG.info("encrypted " + sealed + " secrets stored in clear by an older version");
        }
    }

    private int seal(String table, String key, String column) {
        @SuppressWarnings("unchecked")
        List<Object[]> clear = em.createNativeQuery("SELECT " + key + ", " + column + " FROM " + table + " WHERE "
                        + column + " IS NOT NULL AND " + column + " NOT LIKE '{aes-gcm}%'")
                .getResultList();
        for (Object[] row : clear) {
            em.createNativeQuery("UPDATE " + table + " SET " + column + " = ?1 WHERE " + key + " = ?2 AND " + column
                            + " = ?3")
                    .setParameter(1, SecretBox.seal((String) row[1]))
                    .setParameter(2, row[0])
                    .setParameter(3, row[1])
                    .executeUpdate();
        }
        return clear.size();
    }
}
