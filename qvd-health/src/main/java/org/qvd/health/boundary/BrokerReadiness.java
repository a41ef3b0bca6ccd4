package org.qvd.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when this node's embedded broker refuses a connection: host agents' events would not reach the VMAS
 * and no command would reach a host. Opens (and closes) one in-VM connection, without a transaction.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final String NAME = "broker";

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = factory.createContext()) {
            context.createQueue("qvd.events"); // a local name lookup, proves the session is usable
            return HealthCheckResponse.up(NAME);
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", Problems.summary(e))
                    .build();
        }
    }
}
