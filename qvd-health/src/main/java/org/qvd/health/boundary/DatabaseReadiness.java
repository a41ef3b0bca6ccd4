package org.qvd.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while the VMAS's PostgreSQL does not answer: nothing a client or admin asks can be served then. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";

    @Resource(lookup = "java:jboss/datasources/QvdDS")
    DataSource db;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = db.getConnection()) {
            return c.isValid(2)
                    ? HealthCheckResponse.up(NAME)
                    : HealthCheckResponse.named(NAME)
                            .down()
                            .withData("error", "connection not valid")
                            .build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", Problems.summary(e))
                    .build();
        }
    }
}
