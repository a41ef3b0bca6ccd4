package org.qvd.desktop.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The desktop application's own mechanism: none. Users are not container principals here; the page logs in through
 * the VMAS ({@code /desktop/api/login}) and the WebSocket is authorised by its ticket. Without a mechanism of its
 * own, WildFly's Jakarta Security bridge (active because the WAT and the API define theirs in the same EAR) finds
 * none for this module and fails every request with a NullPointerException.
 */
@ApplicationScoped
public class NoContainerLogin implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        return context.doNothing();
    }
}
