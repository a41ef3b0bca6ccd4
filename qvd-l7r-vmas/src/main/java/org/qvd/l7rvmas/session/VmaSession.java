package org.qvd.l7rvmas.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.qvd.l7r.session.control.ProgressListener;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.protocol.state.XState;

/**
 * Starts (or resumes) the X session through one VM's agent and completes when it is {@code listening}.
 *
 * <p>The VMA API has no push channel, and the HKD does not relay X states as events yet: after {@code x_start}
 * answers {@code provisioning}, this polls {@code x_state} every {@link #POLL} (bounded by {@link #LIMIT}, and
 * stopped at once when the connector cancels the stage). A {@code 409 busy} (another client's session is being
 * suspended for this takeover) retries {@code x_start} at the same interval, and so does an I/O failure (a refused
 * or reset connection, a request timeout), up to {@link #IO_RETRIES} times in a row, as QVD retries {@code x_start}
 * ({@code internal.l7r.retry.x_start}): an agent that is restarting, or a pooled HTTP connection it closed, is not
 * yet a lost session.
 */
final class VmaSession {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration LIMIT = Duration.ofSeconds(120);
    static final int IO_RETRIES = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The per-VM key every VMA call carries (contract C1); the VMA refuses a call without it once it has one. */
    static final String KEY_HEADER = "X-QVD-VMA-Key";

    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final URI base;
    private final String vmaKey;
    private final String startQuery;
    private final ProgressListener progress;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private final Instant deadline;
    private String lastReported;
    private final java.util.concurrent.atomic.AtomicInteger ioFailures =
            new java.util.concurrent.atomic.AtomicInteger();

    VmaSession(
            HttpClient http,
            ScheduledExecutorService timer,
            String host,
            int port,
            String vmaKey,
            Map<String, String> params,
            ProgressListener progress) {
        this.http = http;
        this.timer = timer;
        this.base = base(host, port);
        this.vmaKey = vmaKey;
        this.startQuery = query(params);
        this.progress = progress;
        this.deadline = Instant.now().plus(LIMIT);
    }

    private static URI base(String host, int port) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/vma/");
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static HttpRequest get(URI uri, String vmaKey) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        if (vmaKey != null) {
            request.header(KEY_HEADER, vmaKey);
        }
        return request.build();
    }

    /**
     * Asks the VMA whether it would accept these session parameters ({@code x_check}), before anything is taken
     * over: completes normally when it would, or when it cannot tell (an older VMA without {@code x_check}, no
     * answer: then {@code x_start} decides as before); fails with the VMA's reason when it refuses them.
     */
    static CompletableFuture<Void> check(
            HttpClient http, String host, int port, String vmaKey, Map<String, String> params) {
        return http.sendAsync(
                        get(base(host, port).resolve("x_check?" + query(params)), vmaKey),
                        HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error == null && response.statusCode() != 200 && response.statusCode() != 404) {
                        throw refused(response.statusCode(), response.body());
                    }
                    return null;
                });
    }

    private static VmUnavailableException refused(int status, String body) {
        return new VmUnavailableException("the virtual machine's agent refused the session (" + status + "): "
                + SessionParameters.messageOf(body));
    }

    /** Calls {@code x_start}; the future completes when the session listens, and stops the work when cancelled. */
    CompletableFuture<Void> start() {
        call("x_start?" + startQuery, true);
        return listening;
    }

    private void call(String pathAndQuery, boolean starting) {
        if (listening.isDone()) {
            return;
        }
        if (Instant.now().isAfter(deadline)) {
            listening.completeExceptionally(
                    new VmUnavailableException("the desktop session did not start within " + LIMIT.toSeconds() + " s"));
            return;
        }
        HttpRequest request = get(base.resolve(pathAndQuery), vmaKey);
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                failed(pathAndQuery, starting, error);
            } else {
                ioFailures.set(0);
                answered(response.statusCode(), response.body(), starting);
            }
        });
    }

    private void failed(String pathAndQuery, boolean starting, Throwable error) {
        // sendAsync wraps the I/O failure: name the real one (connect timeout, reset...) to the client
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        if (ioFailures.incrementAndGet() <= IO_RETRIES) {
            report("Waiting for the virtual machine's agent");
            later(pathAndQuery, starting);
        } else {
            listening.completeExceptionally(new VmUnavailableException(
                    "the virtual machine's agent does not answer ("
                            + cause.getClass().getSimpleName() + ")",
                    cause));
        }
    }

    private void answered(int status, String body, boolean starting) {
        String state = SessionParameters.stateOf(body);
        if (status == 409) {
            report("Waiting for the previous session to let go (" + state + ")");
            later("x_start?" + startQuery, true);
        } else if (status != 200) {
            listening.completeExceptionally(refused(status, body));
        } else if (XState.LISTENING.wireName().equals(state)) {
            listening.complete(null);
        } else if (XState.STOPPED.wireName().equals(state) && !starting) {
            listening.completeExceptionally(new VmUnavailableException("the desktop session ended while starting"));
        } else {
            report("Desktop session " + state);
            later("x_state", false);
        }
    }

    private void later(String pathAndQuery, boolean starting) {
        timer.schedule(() -> call(pathAndQuery, starting), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report(String text) {
        if (!text.equals(lastReported)) {
            lastReported = text;
            progress.progress(text);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
