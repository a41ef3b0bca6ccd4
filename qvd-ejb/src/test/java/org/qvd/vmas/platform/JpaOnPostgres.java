package org.qvd.vmas.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.function.Function;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * A real PostgreSQL with every Flyway migration and the module's mapping, for running a service's code on a plain
 * Hibernate session (its {@code EntityManager}) outside the container: the queries and the schema are the real
 * ones; only the interceptors (validation, audit) are not there.
 */
public final class JpaOnPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final MigrateResult migration;
    private final SessionFactory hibernate;

    public JpaOnPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        migration = SchemaMigrator.flyway(postgres.getPostgresDatabase()).migrate();
        Configuration cfg = new Configuration();
        Entities.ENTITIES.forEach(cfg::addAnnotatedClass);
        Entities.CONVERTERS.forEach(c -> cfg.addAttributeConverter(c, true));
        cfg.setProperty("hibernate.connection.url", postgres.getJdbcUrl("postgres", "postgres"));
        cfg.setProperty("hibernate.connection.username", "postgres");
        cfg.setProperty("hibernate.connection.password", "postgres");
        cfg.setProperty("hibernate.hbm2ddl.auto", "validate");
        // as strict as inside WildFly, so named queries fail here first
        cfg.setProperty("hibernate.jpa.compliance.query", "true");
        // tests count the statements a service call costs (e.g. a list page: one query plus its count)
        cfg.setProperty("hibernate.generate_statistics", "true");
        hibernate = cfg.buildSessionFactory();
    }

    /** What Flyway did to the empty database. */
    public MigrateResult migration() {
        return migration;
    }

    public SessionFactory hibernate() {
        return hibernate;
    }

    /** Runs {@code work} in one transaction, committed when it returns. */
    public <T> T inTransaction(Function<Session, T> work) {
        return hibernate.fromTransaction(work);
    }

    /** Sets a service's injected field (package-private in its own package), as the container would. */
    public static void inject(Object target, String field, Object value) {
        try {
            java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot inject " + field + " into " + target.getClass(), e);
        }
    }

    @Override
    public void close() throws IOException {
        hibernate.close();
        postgres.close();
    }
}
