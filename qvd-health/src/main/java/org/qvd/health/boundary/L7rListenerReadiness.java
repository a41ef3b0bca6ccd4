package org.qvd.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the L7R's TLS listener for QVD clients is not listening (still starting, or it failed, e.g. its port
 * is taken): the EAR deploys anyway, and without this check a load balancer would keep sending clients here.
 * UP when the listener is disabled on purpose ({@code qvd.l7r.enabled=false}).
 */
@Readiness
@ApplicationScoped
public class L7rListenerReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return NodeParts.problem(NodeParts.L7R_LISTENER)
                .map(p -> HealthCheckResponse.named(NodeParts.L7R_LISTENER)
                        .down()
                        .withData("error", p)
                        .build())
                .orElseGet(() -> HealthCheckResponse.up(NodeParts.L7R_LISTENER));
    }
}
