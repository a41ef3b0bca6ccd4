package org.qvd.vma.session.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.vma.PingReply;
import org.qvd.protocol.vma.VmaAck;
import org.qvd.protocol.vma.VmaError;
import org.qvd.protocol.vma.VmaMethod;
import org.qvd.protocol.vma.VmaParameters;
import org.qvd.protocol.vma.XStateReply;
import org.qvd.vma.platform.VmaKey;
import org.qvd.vma.power.control.PowerControl;
import org.qvd.vma.session.control.ParameterInvalidException;
import org.qvd.vma.session.control.SessionBusyException;
import org.qvd.vma.session.control.SessionParameters;
import org.qvd.vma.session.control.SessionSupervisor;
import org.qvd.vma.vnc.control.VncGeometry;
import org.qvd.vma.vnc.control.VncMode;
import org.qvd.vma.vnc.control.VncSessions;

/** {@code GET /vma/<method>?k=v} with JSON answers; errors as {@link VmaError} with a 4xx/5xx status. */
public final class VmaHttpServer {
    private static final Logger LOG = Logger.getLogger(VmaHttpServer.class.getName());
    private static final int MAX_QUERY = 8192;
    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final SessionSupervisor session;
    private final PowerControl power;
    private final String version;
    private final VmaKey key;
    private final VncSessions vnc;
    private final long startedAt = System.currentTimeMillis();
    private HttpServer server;

    public VmaHttpServer(SessionSupervisor session, PowerControl power, String version) {
        this(session, power, version, VmaKey.none());
    }

    /** With a {@code key}, every request must carry it in {@code X-QVD-VMA-Key}, else {@code 403 vma.key_required}. */
    public VmaHttpServer(SessionSupervisor session, PowerControl power, String version, VmaKey key) {
        this(session, power, version, key, null);
    }

    /** With {@code vnc} (null: {@code vnc_start} answers 404 as on an older VMA), the browser's and WAT's views. */
    public VmaHttpServer(SessionSupervisor session, PowerControl power, String version, VmaKey key, VncSessions vnc) {
        this.session = session;
        this.power = power;
        this.version = version;
        this.key = key;
        this.vnc = vnc;
    }

    public void start(String bind, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        server.createContext("/vma/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                Object answer = dispatch(exchange);
                send(exchange, 200, answer);
            } catch (ParameterInvalidException e) {
                send(exchange, 400, VmaError.invalidParameter(e.parameter(), e.getMessage()));
            } catch (SessionBusyException e) {
                send(exchange, 409, VmaError.busy(e.state(), e.getMessage()));
            } catch (HttpProblem e) {
                send(exchange, e.status, new VmaError(e.code, null, e.getMessage(), null));
            } catch (RuntimeException e) {
                String errorId = UUID.randomUUID().toString();
                LOG.log(
                        Level.SEVERE,
                        "error " + errorId + " in " + exchange.getRequestURI().getPath(),
                        e);
                send(exchange, 500, new VmaError("internal", null, "internal error " + errorId, null));
            }
        }
    }

    private Object dispatch(HttpExchange exchange) {
        if (!key.admits(exchange.getRequestHeaders().getFirst(VmaKey.HEADER))) {
            LOG.warning(() -> "refused a call without the VMA key from "
                    + exchange.getRemoteAddress().getAddress().getHostAddress());
            throw new HttpProblem(403, "vma.key_required", "this VMA requires the header " + VmaKey.HEADER);
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            throw new HttpProblem(405, "method_not_allowed", "only GET is allowed");
        }
        String path = exchange.getRequestURI().getPath().substring("/vma/".length());
        VmaMethod method = VmaMethod.fromPath(path)
                .orElseThrow(() -> new HttpProblem(404, "unknown_method", "unknown method '" + safe(path) + "'"));
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        return switch (method) {
            case PING -> new PingReply("ok", version, (System.currentTimeMillis() - startedAt) / 1000, rssKiB());
            case X_STATE -> XStateReply.of(session.state());
            case X_START -> session.start(SessionParameters.parse(params).acceptingFrom(caller(exchange)));
            case X_CHECK -> {
                SessionParameters.parse(params);
                yield VmaAck.ok();
            }
            case X_SUSPEND -> session.suspend();
            case X_STOP -> session.stop();
            case POWEROFF -> {
                power.poweroff();
                yield VmaAck.ok();
            }
            case EXPIRE -> {
                power.expire(params);
                yield VmaAck.ok();
            }
            case VNC_START -> vncStart(params, exchange);
        };
    }

    /** {@code vnc_start?vnc.mode=desktop|view|assist[&vnc.geometry=WxH][&vnc.admin=NAME]}: docs/browser.md. */
    private Object vncStart(Map<String, String> params, HttpExchange exchange) {
        if (vnc == null) {
            throw new HttpProblem(404, "unknown_method", "unknown method 'vnc_start'");
        }
        VncMode mode = VncMode.of(params.getOrDefault(VmaParameters.VNC_MODE, ""))
                .orElseThrow(() ->
                        new ParameterInvalidException(VmaParameters.VNC_MODE, "expected desktop, view or assist"));
        int[] size = VncGeometry.parse(params.get(VmaParameters.VNC_GEOMETRY));
        try {
            return vnc.start(mode, caller(exchange), size[0], size[1], admin(params.get(VmaParameters.VNC_ADMIN)));
        } catch (IOException e) {
            throw new HttpProblem(503, "vnc.unavailable", e.getMessage());
        }
    }

    /** The administrator's name for the notice: letters, digits and {@code @*._-} only, at most 100; else none. */
    static String admin(String name) {
        return name != null && name.matches("[\\p{L}\\p{N}@*._ -]{1,100}") ? name : null;
    }

    /**
     * The caller's IPv4 address: a session without NX cookie accepts its proxy from there only (nxagent's
     * {@code accept=} takes an IPv4 address); null (any address) for an IPv6 caller, with a warning.
     */
    private static String caller(HttpExchange exchange) {
        InetAddress address = exchange.getRemoteAddress().getAddress();
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        LOG.warning(() -> "x_start from " + address.getHostAddress() + ": a session without NX cookie accepts its "
                + "proxy from any address (nxagent's accept= needs IPv4)");
        return null;
    }

    /** VmRSS of this JVM from /proc (Linux); 0 elsewhere. */
    static long rssKiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.fine(() -> "no VmRSS: " + e);
        }
        return 0;
    }

    /** Parses the query; a repeated key is refused rather than guessed. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        if (raw.length() > MAX_QUERY) {
            throw new ParameterInvalidException(null, "query longer than " + MAX_QUERY + " characters");
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), key);
            if (params.putIfAbsent(key, value) != null) {
                throw new ParameterInvalidException(key, "given more than once");
            }
        }
        return params;
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ParameterInvalidException(parameter, "bad URL encoding");
        }
    }

    private static String safe(String text) {
        return Optional.of(text.replaceAll("[^A-Za-z0-9_.-]", "?"))
                .map(s -> s.length() > 40 ? s.substring(0, 40) : s)
                .get();
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An HTTP-level refusal (wrong verb, unknown method). */
    private static final class HttpProblem extends RuntimeException {
        private final int status;
        private final String code;

        HttpProblem(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
