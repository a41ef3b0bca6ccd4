package org.qvd.l7r.session.boundary;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.session.control.LoginThrottle;
import org.qvd.l7r.session.control.SessionBackend;

/**
 * What every connection of one listener shares. {@code worker} runs the (possibly blocking) backend calls; logins
 * take the {@code logins} lane to it (two per core at a time, see {@link LoginLane}).
 */
record ConnectorContext(
        ConnectorConfig config,
        SessionBackend backend,
        Executor worker,
        LoginLane logins,
        LoginThrottle throttle,
        AtomicBoolean stopping) {

    ConnectorContext(
            ConnectorConfig config,
            SessionBackend backend,
            Executor worker,
            LoginThrottle throttle,
            AtomicBoolean stopping) {
        this(
                config,
                backend,
                worker,
                new LoginLane(
                        worker, LoginLane.WIDTH_PER_CORE * Runtime.getRuntime().availableProcessors()),
                throttle,
                stopping);
    }
}
