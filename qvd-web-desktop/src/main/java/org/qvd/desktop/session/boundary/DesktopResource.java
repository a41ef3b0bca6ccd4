package org.qvd.desktop.session.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qvd.desktop.session.control.BrowserConnections;
import org.qvd.desktop.session.control.DesktopLogins;
import org.qvd.desktop.session.control.NoSuchVmException;
import org.qvd.desktop.session.entity.BrowserConnection;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.VmSummary;
import org.qvd.l7r.session.entity.VmUnavailableException;

/**
 * The page's calls: log in with the client's credentials (the VMAS checks them, as for {@code connect_to_vm}), list
 * one's VMs, connect to one and follow its progress until the ticket for the WebSocket is there.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DesktopResource {
    private static final Pattern GEOMETRY = Pattern.compile("[0-9]{3,4}x[0-9]{3,4}");
    private static final Pattern LAYOUT = Pattern.compile("[a-z]{2,5}");

    @Inject
    SessionBackend backend;

    @Inject
    BrowserConnections connections;

    @Inject
    DesktopLogins logins;

    @Context
    HttpServletRequest request;

    public record LoginForm(String login, String password) {}

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginForm form) {
        if (form == null
                || form.login() == null
                || form.password() == null
                || form.login().isBlank()
                || form.login().length() > 300
                || form.password().length() > 1024) {
            return problem(400, "login and password are required");
        }
        Optional<QvdUser> user;
        try {
            user = logins.login(form.login().trim(), form.password(), request.getRemoteAddr());
        } catch (DesktopLogins.LockedException e) {
            return problem(429, e.getMessage());
        } catch (VmUnavailableException e) {
            // the user's directory does not answer: say so (the page shows it) instead of an error page; not a failure
            return problem(503, e.getMessage());
        }
        if (user.isEmpty()) {
            return problem(401, "unknown login, wrong password, or blocked user or tenant");
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session id at login: no fixation
        }
        request.getSession(true).setAttribute(HttpSessionConfigurator.USER, user.get());
        return Response.ok(Map.of("login", user.get().login())).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("vms")
    public Response vms() {
        QvdUser user = user();
        if (user == null) {
            return problem(401, "log in first");
        }
        List<VmSummary> vms = backend.listVms(user);
        return Response.ok(Map.of("login", user.login(), "vms", vms)).build();
    }

    @POST
    @Path("vms/{id}/connect")
    public Response connect(
            @PathParam("id") long vmId,
            @QueryParam("geometry") String geometry,
            @QueryParam("keyboard") String keyboard) {
        QvdUser user = user();
        if (user == null) {
            return problem(401, "log in first");
        }
        String size = geometry == null || !GEOMETRY.matcher(geometry).matches() ? "1280x800" : geometry;
        // the user's layout: nxagent's keymap, on which x11vnc finds the keys for the characters the browser sends
        String layout = keyboard == null || !LAYOUT.matcher(keyboard).matches() ? "us" : keyboard;
        try {
            BrowserConnection connection = connections.connect(
                    user,
                    vmId,
                    size,
                    "pc105/" + layout,
                    new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()));
            return Response.accepted(connection.status()).build();
        } catch (NoSuchVmException e) {
            return problem(404, "no such virtual machine");
        } catch (VmUnavailableException e) {
            return problem(403, e.getMessage());
        }
    }

    @GET
    @Path("connections/{id}")
    public Response connection(@PathParam("id") String id) {
        QvdUser user = user();
        BrowserConnection connection = connections.find(id).orElse(null);
        if (user == null || connection == null || connection.user().id() != user.id()) {
            return problem(404, "no such connection");
        }
        return Response.ok(connection.status()).build();
    }

    private QvdUser user() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (QvdUser) session.getAttribute(HttpSessionConfigurator.USER);
    }

    private static Response problem(int status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("status", status, "detail", detail))
                .build();
    }
}
