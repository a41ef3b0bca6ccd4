package org.qvd.l7r.session.boundary;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.control.ProgressListener;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.AuthenticationResult;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.IssuedToken;
import org.qvd.l7r.session.entity.NodeAvailability;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmAccess;
import org.qvd.l7r.session.entity.VmEndpoint;
import org.qvd.l7r.session.entity.VmRef;
import org.qvd.l7r.session.entity.VmSummary;
import org.qvd.l7r.session.entity.VmUnavailableException;

/**
 * A stand-in for the VMAS (the VMAS services are not available to this module): users, tokens and VMs in memory.
 * A stopped VM "boots" on a timer that fires a started event, which completes the waiting stage, as the JMS event
 * will in the real backend; takeover aborts the holder and completes when it reports disconnected.
 */
final class InMemorySessionBackend implements SessionBackend {

    static final class Vm {
        final long id;
        final long ownerId;
        final String name;
        volatile String state;
        volatile boolean blocked;
        volatile String agentHost = "127.0.0.1";
        volatile int agentPort;
        volatile String startFailure;

        Vm(long id, long ownerId, String name, String state) {
            this.id = id;
            this.ownerId = ownerId;
            this.name = name;
            this.state = state;
        }
    }

    record StateRecord(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {}

    private record Holder(ConnectionId connection, ConnectionControl control) {}

    private final Map<String, String[]> passwords = new ConcurrentHashMap<>(); // login -> {id, password}
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Vm> vms = new ConcurrentHashMap<>();
    private final Map<Long, Holder> holders = new ConcurrentHashMap<>();
    private final Map<ConnectionId, CompletableFuture<Void>> releaseWaiters = new ConcurrentHashMap<>();
    final List<StateRecord> states = new CopyOnWriteArrayList<>();
    final List<Credentials> authAttempts = new CopyOnWriteArrayList<>();
    final List<InetAddress> authSources = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> sessionParameters = new CopyOnWriteArrayList<>();
    final List<Duration> issuedValidities = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
    volatile NodeAvailability availability = NodeAvailability.SERVING;
    volatile long bootMillis = 300;
    /** How long a password check takes (a stand-in for the VMAS's hash check). */
    volatile long passwordCheckMillis = 0;

    volatile List<String> bootSteps = List.of("Starting virtual machine", "Waiting for VM to reach state 'running'");

    InMemorySessionBackend user(long id, String login, String password) {
        passwords.put(login, new String[] {Long.toString(id), password});
        return this;
    }

    InMemorySessionBackend token(String token, long userId) {
        tokens.put(token, userId);
        return this;
    }

    Vm vm(long id, long ownerId, String name, String state) {
        Vm vm = new Vm(id, ownerId, name, state);
        vms.put(id, vm);
        return vm;
    }

    void shutdown() {
        events.shutdownNow();
    }

    @Override
    public NodeAvailability nodeAvailability() {
        return availability;
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials, InetAddress source) {
        authAttempts.add(credentials);
        authSources.add(source);
        if (credentials instanceof Credentials.Password p) {
            if (passwordCheckMillis > 0) {
                try {
                    Thread.sleep(passwordCheckMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String[] entry = passwords.get(p.login().toString());
            if (entry != null && entry[1].equals(p.password())) {
                return new AuthenticationResult.Authenticated(
                        new QvdUser(Long.parseLong(entry[0]), p.login().toString()));
            }
            return new AuthenticationResult.Refused("bad password");
        }
        for (String candidate : ((Credentials.Token) credentials).candidates()) {
            Long id = tokens.get(candidate);
            if (id != null) {
                return new AuthenticationResult.Authenticated(new QvdUser(id, "token-user"));
            }
        }
        return new AuthenticationResult.Refused("bad token");
    }

    /** A token "tok-<n>" for the user, remembered as the VMAS would remember its hash. */
    @Override
    public IssuedToken createToken(QvdUser user, Duration validity) {
        long id = tokens.size() + 1L;
        String token = "tok" + id + "x" + user.id();
        tokens.put(token, user.id());
        issuedValidities.add(validity);
        return new IssuedToken(id, token, Instant.now().plus(validity));
    }

    @Override
    public List<VmSummary> listVms(QvdUser user) {
        List<VmSummary> list = new ArrayList<>();
        vms.values().stream()
                .filter(vm -> vm.ownerId == user.id())
                .sorted((a, b) -> Long.compare(a.id, b.id))
                .forEach(vm -> list.add(new VmSummary(vm.id, vm.name, vm.state, vm.blocked)));
        return list;
    }

    @Override
    public VmAccess resolveVm(QvdUser user, long vmId) {
        Vm vm = vms.get(vmId);
        if (vm == null || vm.ownerId != user.id()) {
            return new VmAccess.NotFound();
        }
        return vm.blocked ? new VmAccess.Blocked("blocked") : new VmAccess.Granted(new VmRef(vm.id, vm.name));
    }

    @Override
    public CompletionStage<Void> takeOver(SessionRequest request, ConnectionControl control, ProgressListener p) {
        Holder previous = holders.put(request.vm().id(), new Holder(request.connection(), control));
        states.add(new StateRecord(request.connection(), ConnectionState.CONNECTING, ConnectionTraffic.NONE));
        if (previous == null) {
            return CompletableFuture.completedFuture(null);
        }
        p.progress("Taking over the session from another client");
        CompletableFuture<Void> released =
                releaseWaiters.computeIfAbsent(previous.connection(), k -> new CompletableFuture<>());
        events.execute(() -> previous.control().abort("taken over by " + request.connection()));
        return released;
    }

    @Override
    public CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress) {
        Vm vm = vms.get(request.vm().id());
        if ("running".equals(vm.state)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> running = new CompletableFuture<>();
        vm.state = "starting";
        long step = bootMillis / (bootSteps.size() + 1);
        for (int i = 0; i < bootSteps.size(); i++) {
            String text = bootSteps.get(i);
            events.schedule(() -> progress.progress(text), step * i, TimeUnit.MILLISECONDS);
        }
        events.schedule(() -> vmStateChanged(vm, running), bootMillis, TimeUnit.MILLISECONDS);
        return running;
    }

    /** The "event" a VM boot ends with. */
    private void vmStateChanged(Vm vm, CompletableFuture<Void> waiter) {
        if (vm.startFailure != null) {
            vm.state = "stopped";
            waiter.completeExceptionally(new VmUnavailableException(vm.startFailure));
        } else {
            vm.state = "running";
            waiter.complete(null);
        }
    }

    @Override
    public CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress) {
        sessionParameters.add(request.clientParameters());
        progress.progress("Starting X session at VM " + request.vm().id());
        Vm vm = vms.get(request.vm().id());
        return CompletableFuture.completedFuture(new VmEndpoint(vm.agentHost, vm.agentPort, "key-" + vm.id));
    }

    @Override
    public void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {
        states.add(new StateRecord(connection, state, traffic));
        if (state == ConnectionState.DISCONNECTED) {
            holders.values().removeIf(h -> h.connection().equals(connection));
            releaseWaiters
                    .computeIfAbsent(connection, k -> new CompletableFuture<>())
                    .complete(null);
        }
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vmRef, ProgressListener progress) {
        Vm vm = vms.get(vmRef.id());
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        progress.progress("Stopping virtual machine");
        events.schedule(
                () -> {
                    vm.state = "stopped";
                    stopped.complete(null);
                },
                100,
                TimeUnit.MILLISECONDS);
        return stopped;
    }

    List<ConnectionState> statesOf(ConnectionId connection) {
        return states.stream()
                .filter(s -> s.connection().equals(connection))
                .map(StateRecord::state)
                .toList();
    }
}
