package org.qvd.vmas.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date at deployment, before anything else uses it (start-up beans that
 * need the schema declare {@code @DependsOn("SchemaMigrator")}). Flyway runs its own transactions.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/QvdDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = flyway(dataSource);
        int available = flyway.info().all().length;
        if (available == 0) {
            // e.g. a class-path scan that cannot read the deployment's virtual file system
            throw new IllegalStateException("Flyway found no migrations under " + LOCATION);
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "schema at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion) + ", "
                + result.migrationsExecuted + " migration(s) applied");
    }

    /** The Flyway configuration used here and by the migration test. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                // migrations are numbered in blocks per change: one landed after a higher one must still apply
                .outOfOrder(true)
                .load();
    }
}
