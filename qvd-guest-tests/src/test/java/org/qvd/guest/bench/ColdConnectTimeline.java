package org.qvd.guest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.guest.platform.GuestSystem;

/**
 * Where the time of one cold connect goes (issue 15 goal 5), from what each part says and when: the client's output
 * (102 progress, 101), the VMAS's state changes (REST: state and its timestamp), the host agent's log (StartVm
 * received, domain created, VMA answered), the DHCP server's lease file, the guest's serial console (kernel,
 * systemd, VMA, x_start, nxagent) stamped as it is written, and the first frame the bench saw. Printed as
 * {@code P2 timeline} lines, then accounted against a bare boot of the same image.
 */
final class ColdConnectTimeline implements AutoCloseable {

    /** Something that happened, and when. */
    record Event(Instant at, String what) {}

    private static final DateTimeFormatter HKD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Pattern HKD_LINE =
            Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\S+ \\[[^]]+] (.*)$");
    /** Where libvirt's dnsmasq keeps the leases of the agent's VM network (hkd.conf vm.network.bridge). */
    private static final Path LEASES = Path.of("/var/lib/libvirt/dnsmasq/qvdbr0.status");
    /** libvirt's lease time for static hosts: a lease expires an hour after its ACK. */
    private static final long LEASE_SECONDS = 3600;

    private final Instant begin;
    private final long vmId;
    private final StampedLines console;
    private final StampedLines client;
    private final Path hkdLog;
    private final List<Event> polled = new ArrayList<>();
    private final Thread poller;
    private volatile boolean stopped;
    private Instant firstFrame;

    private ColdConnectTimeline(
            Instant begin,
            long vmId,
            StampedLines console,
            StampedLines client,
            Path hkdLog,
            Supplier<JsonNode> vm,
            String ip) {
        this.begin = begin;
        this.vmId = vmId;
        this.console = console;
        this.client = client;
        this.hkdLog = hkdLog;
        this.poller = new Thread(() -> poll(vm, ip), "timeline-poll");
        poller.setDaemon(true);
    }

    /**
     * Starts watching just before the client is started. {@code console} is the guest's serial console log (a VM's;
     * none for a container), {@code clientLog} the client's output.
     */
    static ColdConnectTimeline start(GuestSystem.Running r, long vmId, Optional<Path> console, Path clientLog) {
        String ip = r.admin().vm(vmId).path("ip").asText();
        ColdConnectTimeline t = new ColdConnectTimeline(
                Instant.now(),
                vmId,
                console.map(StampedLines::follow).orElse(null),
                StampedLines.follow(clientLog),
                r.system().localHkdLog().orElseThrow(),
                () -> r.admin().vm(vmId),
                ip);
        t.poller.start();
        return t;
    }

    Instant begin() {
        return begin;
    }

    void firstFrame(Instant at) {
        firstFrame = at;
    }

    /** Every event found, in order of time. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        synchronized (polled) {
            events.addAll(polled);
        }
        clientEvent(events, "Connecting to VM", "client: TLS up, connect_to_vm sent");
        clientEvent(events, "Server: Starting virtual machine", "L7R: first 102 \"Starting virtual machine\"");
        clientEvent(events, "Server: Virtual machine running", "L7R: 102 \"Virtual machine running\"");
        clientEvent(events, "Server: Starting desktop session", "L7R: 102 \"Starting desktop session\" (x_start)");
        clientEvent(events, "^Connected\\.", "client: 101, NX tunnel open, nxproxy started");
        hkdEvents(events);
        if (console != null) {
            console.firstLine().ifPresent(l -> events.add(new Event(l.at(), "guest: first console output (kernel)")));
            consoleEvent(events, "Welcome to", "guest: systemd starts (kernel and initrd done)");
            consoleEvent(events, "Reached target .*network-online", "guest: network online (DHCP configured)");
            consoleEvent(events, "Started .*qvd-vma\\.service", "guest: qvd-vma.service started (JVM starting)");
            consoleEvent(events, "VMA listening", "guest: VMA listening on 3030");
            consoleEvent(
                    events,
                    "formatting blank home|mounted home disk|no home disk",
                    "VMA: home disk ready (at VMA start)");
            consoleEvent(events, "x_start in state", "VMA: x_start received");
            consoleEvent(events, "created user", "VMA: user created");
            consoleEvent(events, "nxagent started", "VMA: nxagent started");
            consoleEvent(events, "-> listening", "VMA: nxagent listening");
            consoleEvent(events, "listening -> connected", "VMA: NX client attached");
            consoleEvent(events, "desktop started", "VMA: desktop session started");
            // nxagent's own errors, warnings and proxy steps (the VMA copies them to its log): why a session ended
            for (StampedLines.Line l : console.all("nxagent \\d+: (Error|Warning|Info: Accepted|Info: Connection)")) {
                events.add(new Event(l.at(), "VMA: " + l.text().replaceFirst(".*(nxagent \\d+: )", "$1")));
            }
            consoleEvent(events, "nxagent exited", "VMA: nxagent exited");
        }
        if (firstFrame != null) {
            events.add(new Event(firstFrame, "client: first desktop frame on the display"));
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** Prints the timeline: time since the client started and since the previous event. */
    void print(String label) {
        Instant previous = begin;
        System.out.printf("P2 timeline %s (t=0: client started %s):%n", label, begin);
        for (Event e : events()) {
            System.out.printf(
                    "P2 timeline %s  %+8.1f s  (+%5.1f s)  %s%n",
                    label, secs(begin, e.at()), secs(previous, e.at()), e.what());
            previous = e.at().isAfter(previous) ? e.at() : previous;
        }
    }

    /** The time of the first event whose text starts with {@code prefix}. */
    Optional<Instant> at(String prefix) {
        return events().stream()
                .filter(e -> e.what().startsWith(prefix))
                .map(Event::at)
                .findFirst();
    }

    static double secs(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private void clientEvent(List<Event> events, String regex, String what) {
        client.first(regex).ifPresent(l -> events.add(new Event(l.at(), what)));
    }

    private void consoleEvent(List<Event> events, String regex, String what) {
        console.first(regex).ifPresent(l -> events.add(new Event(l.at(), what)));
    }

    private void hkdEvents(List<Event> events) {
        List<String> lines;
        try {
            lines = Files.readAllLines(hkdLog);
        } catch (IOException e) {
            return;
        }
        Instant from = begin.minusSeconds(1);
        boolean received = false;
        boolean created = false;
        for (String line : lines) {
            Matcher m = HKD_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Instant at = LocalDateTime.parse(m.group(1), HKD_TIME)
                    .atZone(ZoneId.systemDefault())
                    .toInstant();
            String text = m.group(2);
            if (at.isBefore(from)) {
                continue;
            }
            if (!received && text.startsWith("received StartVm")) {
                events.add(new Event(at, "agent: StartVm received"));
                received = true;
            } else if (!created
                    && (text.startsWith("VM " + vmId + " domain ") || text.startsWith("VM " + vmId + " container "))) {
                events.add(new Event(
                        at,
                        "agent: "
                                + (text.contains(" container ")
                                        ? "container started (lxc-start)"
                                        : "domain created and started (disks, DHCP entry, libvirt)")));
                created = true;
            } else if (text.startsWith("VM " + vmId + " running at")) {
                events.add(new Event(at, "agent: VMA answered its ping, running reported"));
            }
        }
    }

    /** The VMAS's state changes (with the VMAS's own timestamp) and the DHCP lease, twice a second. */
    private void poll(Supplier<JsonNode> vm, String ip) {
        String lastState = null;
        boolean leased = false;
        ObjectMapper json = new ObjectMapper();
        while (!stopped) {
            try {
                JsonNode v = vm.get();
                String state = v.path("state").asText();
                if (!state.equals(lastState) && lastState != null) {
                    Instant ts = v.hasNonNull("stateTs")
                            ? Instant.parse(v.path("stateTs").asText())
                            : Instant.now();
                    synchronized (polled) {
                        polled.add(new Event(ts, "VMAS: state " + state));
                    }
                }
                lastState = state;
                if (!leased && Files.isReadable(LEASES)) {
                    for (JsonNode lease : json.readTree(LEASES.toFile())) {
                        long ack = lease.path("expiry-time").asLong() - LEASE_SECONDS;
                        if (ip.equals(lease.path("ip-address").asText()) && ack >= begin.getEpochSecond()) {
                            synchronized (polled) {
                                polled.add(new Event(
                                        Instant.ofEpochSecond(ack),
                                        "DHCP: lease acknowledged (dnsmasq, to the second)"));
                            }
                            leased = true;
                        }
                    }
                }
            } catch (RuntimeException | IOException e) {
                // the server or the lease file busy for a moment: the next round sees the change
            } catch (AssertionError e) {
                if (stopped) {
                    return; // close() interrupted the REST call (Processes turns that into an AssertionError)
                }
                throw e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        poller.interrupt();
        if (console != null) {
            console.close();
        }
        client.close();
    }
}
