import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdMessage;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmReport;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * bench/farm: a large farm on one node. STAND-IN HOST AGENTS ("farm-stand-in-N"): real JMS clients over the real
 * broker (Artemis in WildFly), speaking qvd-protocol (HostRegistered, HostHeartbeat with the VMs each runs,
 * VmStateChanged on a StartVm), but no libvirt and no guests. Run with the HKD agent's jar (Artemis client,
 * qvd-protocol) and the PostgreSQL driver on the class path; see run.sh.
 *
 * <pre>java -cp ... Farm.java BROKER_URL BROKER_USER BROKER_PASSWORD JDBC_URL API_URL ADMIN_BASIC TENANT_ID OSF_ID
 *      USER_ID HOSTS VMS_PER_HOST PERIOD_MS STEADY_S KILL STARTS HOSTS_PER_CONNECTION</pre>
 */
public final class Farm {

    static final MessageCodec CODEC = new MessageCodec();
    static final String PREFIX = "farm-stand-in-";

    /** A stand-in agent's JMS connection, with its own broker account (qvd-hkd-<host>), over TLS as real agents. */
    static final class Link {
        final JMSContext context;
        final JMSProducer producer;
        final Queue events;
        final Object lock = new Object();

        Link(String brokerUrl, String host, String user, String password) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl, user, password);
            factory.setEnable1xPrefixes(true);
            factory.setClientFailureCheckPeriod(5_000); // as the real agent (BrokerLink)
            factory.setConnectionTTL(15_000);
            factory.setCallTimeout(30_000);
            context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            events = context.createQueue(Destinations.hostEvents(host)); // the one address its account may send to
            producer = context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
        }

        void send(HkdMessage event, long ttlMs) {
            Envelope envelope = CODEC.wrap(event);
            synchronized (lock) {
                TextMessage message = context.createTextMessage(CODEC.encode(envelope));
                try {
                    for (Map.Entry<String, String> p : envelope.properties().entrySet()) {
                        message.setStringProperty(p.getKey(), p.getValue());
                    }
                    message.setStringProperty("JMSXGroupID", envelope.hostName());
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
                producer.setTimeToLive(ttlMs).send(events, message);
            }
        }
    }

    /** A stand-in agent: its host name, its VMs, the times its heartbeats left. */
    static final class Agent {
        final String name;
        final Link link;
        final String agentId = UUID.randomUUID().toString();
        final List<VmReport> vms = Collections.synchronizedList(new ArrayList<>());
        final List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        long sequence;
        volatile boolean alive = true;
        JMSContext consumer;

        Agent(String name, Link link) {
            this.name = name;
            this.link = link;
        }

        HostCapacity capacity() {
            return new HostCapacity(262_144, 200_000, vms.size() * 512L, 64, 1.0);
        }

        void register(long periodMs) {
            link.send(new HostRegistered(name, null, agentId, "farm-stand-in", "test:///default", "qemu", periodMs,
                    capacity(), List.copyOf(vms)), 0);
        }

        void beat(long periodMs) {
            if (!alive) {
                return;
            }
            sentAt.add(System.currentTimeMillis());
            link.send(new HostHeartbeat(name, null, agentId, ++sequence, HostState.RUNNING, capacity(),
                    List.copyOf(vms)), periodMs * 3);
        }
    }

    public static void main(String[] a) throws Exception {
        String brokerUrl = a[0];
        String jdbc = a[3];
        String api = a[4];
        String adminBasic = a[5];
        long osf = Long.parseLong(a[7]);
        long user = Long.parseLong(a[8]);
        int hosts = Integer.parseInt(a[9]);
        int vmsPerHost = Integer.parseInt(a[10]);
        long periodMs = Long.parseLong(a[11]);
        int steadySeconds = Integer.parseInt(a[12]);
        int kill = Integer.parseInt(a[13]);
        int starts = Integer.parseInt(a[14]);
        String run = a[2];
        Map<String, String[]> accounts = new HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(a[1]))) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                accounts.put(f[0], new String[] {f[1], f[2]});
            }
        }
        Connection db = DriverManager.getConnection(jdbc);
        db.setAutoCommit(true);
        long wildfly = Long.parseLong(System.getProperty("farm.wildfly.pid", "0"));

        // 1. the farm as the database knows it after a day's starts: the hosts, and the VMs running on them (SQL)
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            names.add(PREFIX + run + "-" + i);
        }
        long t0 = System.nanoTime();
        int total = hosts * vmsPerHost;
        List<Long> stopped = new ArrayList<>();
        Map<String, List<VmReport>> reports = new HashMap<>();
        db.setAutoCommit(false);
        try (PreparedStatement host = db.prepareStatement("INSERT INTO host (name, address, description) VALUES (?, ?,"
                + " 'bench/farm stand-in')", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement hostRt = db.prepareStatement("INSERT INTO host_runtime (host_id) VALUES (?)");
             PreparedStatement vm = db.prepareStatement("INSERT INTO vm (user_id, osf_id, name, ip) VALUES (?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement rt = db.prepareStatement("INSERT INTO vm_runtime (vm_id, state, host_id, address, "
                     + "vma_port, x_port) VALUES (?, 'running', ?, ?, 3030, 4100)");
             PreparedStatement stoppedRt = db.prepareStatement("INSERT INTO vm_runtime (vm_id) VALUES (?)")) {
            for (int h = 0; h < hosts; h++) {
                String name = names.get(h);
                host.setString(1, name);
                host.setString(2, name); // as hosts that join over JMS are recorded
                host.executeUpdate();
                long hostId = generated(host);
                hostRt.setLong(1, hostId);
                hostRt.executeUpdate();
                for (int v = 0; v < vmsPerHost; v++) {
                    int n = h * vmsPerHost + v;
                    String ip = ip(run, n);
                    long id = newVm(vm, user, osf, "farm-" + run + "-" + n, ip);
                    rt.setLong(1, id);
                    rt.setLong(2, hostId);
                    rt.setString(3, ip);
                    rt.addBatch();
                    reports.computeIfAbsent(name, k -> new ArrayList<>()).add(new VmReport(id, "qvd-" + id, VmState.RUNNING,
                            ip, mac(n), 512));
                }
                rt.executeBatch();
            }
            for (int s = 0; s < starts; s++) { // stopped VMs for the placement round
                stopped.add(newVm(vm, user, osf, "farm-" + run + "-start-" + s, "10.3." + (16 + Integer.parseInt(run)
                        % 200) + "." + (s + 1))); // the tenant's range (run.sh)
                stoppedRt.setLong(1, stopped.get(s));
                stoppedRt.executeUpdate();
            }
            db.commit();
        }
        db.setAutoCommit(true);
        System.out.printf("# %d stand-in hosts with %d running VMs (%d each) and %d stopped VMs written in %.1f s%n", hosts,
                total, vmsPerHost, starts, (System.nanoTime() - t0) / 1e9);

        // 2. the stand-in agents connect (each its own connection and account), register with their VMs and beat
        t0 = System.nanoTime();
        List<java.util.concurrent.Future<Agent>> connecting = new ArrayList<>();
        java.util.concurrent.ExecutorService connector = Executors.newFixedThreadPool(8); // TLS handshakes in parallel
        for (String name : names) {
            String[] account = accounts.get(name);
            if (account == null) {
                throw new IllegalStateException("no broker account for " + name + " in " + a[1]);
            }
            connecting.add(connector.submit(() -> {
                Agent agent = new Agent(name, new Link(brokerUrl, name, account[0], account[1]));
                agent.vms.addAll(reports.getOrDefault(name, List.of()));
                return agent;
            }));
        }
        List<Agent> agents = new ArrayList<>();
        for (java.util.concurrent.Future<Agent> f : connecting) {
            agents.add(f.get());
        }
        connector.shutdown();
        Map<Long, Long> startSent = new ConcurrentHashMap<>();
        Map<Long, Long> startReceived = new ConcurrentHashMap<>();
        ScheduledExecutorService beats = Executors.newScheduledThreadPool(4);
        for (int i = 0; i < hosts; i++) {
            Agent agent = agents.get(i);
            agent.consumer = agent.link.context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            JMSConsumer consumer = agent.consumer.createConsumer(agent.consumer.createQueue(
                    Destinations.hostQueue(agent.name)));
            consumer.setMessageListener(m -> onCommand(agent, m, startReceived));
            agent.register(periodMs);
            beats.scheduleAtFixedRate(() -> {
                try {
                    agent.beat(periodMs);
                } catch (RuntimeException e) {
                    System.err.println(agent.name + ": " + e);
                }
            }, periodMs * i / hosts, periodMs, TimeUnit.MILLISECONDS);
        }
        System.out.printf("# %d stand-in agents connected (one JMS connection and broker account each, TLS) and registered"
                + " in %.1f s%n", hosts, (System.nanoTime() - t0) / 1e9);

        // 3. steady state: every agent beats every period (spread over the period), with its VMs
        Thread.sleep(3 * periodMs); // warm-up: registrations and first beats settle
        long dbSize0 = dbSize(db);
        long cpu0 = cpuTicks(wildfly);
        long wall0 = System.nanoTime();
        List<Long> lags = new ArrayList<>();
        long until = System.currentTimeMillis() + steadySeconds * 1000L;
        Map<String, Long> lastSeen = new HashMap<>();
        while (System.currentTimeMillis() < until) {
            Thread.sleep(1000);
            try (ResultSet r = db.createStatement().executeQuery("SELECT h.name, (extract(epoch FROM r.heartbeat_at) * 1000)"
                    + "::bigint FROM host h JOIN host_runtime r ON r.host_id = h.id WHERE h.name LIKE '" + PREFIX + run
                    + "-%' AND r.heartbeat_at IS NOT NULL")) {
                Map<String, Agent> byName = new HashMap<>();
                agents.forEach(ag -> byName.put(ag.name, ag));
                while (r.next()) {
                    String name = r.getString(1);
                    long at = r.getLong(2);
                    if (lastSeen.getOrDefault(name, 0L) == at) {
                        continue;
                    }
                    lastSeen.put(name, at);
                    long sent = -1;
                    synchronized (byName.get(name).sentAt) {
                        for (long s : byName.get(name).sentAt) {
                            if (s <= at) {
                                sent = s;
                            }
                        }
                    }
                    if (sent > 0) {
                        lags.add(at - sent);
                    }
                }
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        long cpu1 = cpuTicks(wildfly);
        long dbSize1 = dbSize(db);
        Collections.sort(lags);
        System.out.printf("farm steady %d s: %d stand-in hosts beating every %d ms with %d VMs; WildFly (VMAS + broker) CPU"
                + " %.0f%% of one core; heartbeat-to-database lag p50 %d ms, p99 %d ms (n=%d); database %+.1f MiB in %d s ="
                + " %+.0f MiB/h%n", steadySeconds, hosts, periodMs, total, wildfly > 0 ? 100.0 * (cpu1 - cpu0) / 100 / wall : -1,
                pct(lags, 50), pct(lags, 99), lags.size(), (dbSize1 - dbSize0) / 1048576.0, steadySeconds,
                (dbSize1 - dbSize0) / 1048576.0 * 3600 / wall);
        System.out.println("# load average: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()
                + "; WildFly RSS " + rssMb(wildfly) + " MiB; this program's heap " + (Runtime.getRuntime().totalMemory()
                - Runtime.getRuntime().freeMemory()) / 1048576 + " MiB");

        // 4. placement: STARTS concurrent starts through the REST API
        if (starts > 0) {
            placement(api, adminBasic, stopped, startSent, startReceived);
        }

        // 5. host loss: KILL agents stop beating at once (their connections closed)
        if (kill > 0) {
            List<Agent> victims = agents.subList(hosts - kill, hosts);
            long killedAt = System.currentTimeMillis();
            for (Agent v : victims) {
                v.alive = false;
            }
            for (Agent v : victims) { // as a crashed agent: its broker connection goes away too
                new Thread(() -> {
                    try {
                        v.link.context.close();
                    } catch (RuntimeException e) {
                        // already gone
                    }
                }).start();
            }
            Map<String, Long> lostAt = new HashMap<>();
            long deadline = killedAt + 120_000;
            String victimNames = victims.stream().map(v -> "'" + v.name + "'").reduce((x, y) -> x + "," + y).orElse("''");
            while (lostAt.size() < kill && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                try (ResultSet r = db.createStatement().executeQuery("SELECT h.name FROM host h JOIN host_runtime r ON "
                        + "r.host_id = h.id WHERE r.state = 'lost' AND h.name IN (" + victimNames + ")")) {
                    long now = System.currentTimeMillis();
                    while (r.next()) {
                        lostAt.putIfAbsent(r.getString(1), now - killedAt);
                    }
                }
            }
            long settledAt = -1; // their VMs no longer placed on them (zombie, then stopped)
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet r = db.createStatement().executeQuery("SELECT count(*) FROM vm_runtime r JOIN host h ON "
                        + "h.id = r.host_id WHERE h.name IN (" + victimNames + ")")) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        settledAt = System.currentTimeMillis() - killedAt;
                        break;
                    }
                }
                Thread.sleep(200);
            }
            long lastBeat = victims.stream().mapToLong(v -> v.sentAt.isEmpty() ? 0 : v.sentAt.get(v.sentAt.size() - 1))
                    .max().orElse(0);
            List<Long> times = new ArrayList<>(lostAt.values());
            Collections.sort(times);
            int zombieRows;
            try (ResultSet r = db.createStatement().executeQuery("SELECT count(*) FROM vm_state_history h JOIN vm v ON "
                    + "v.id = h.vm_id WHERE h.to_state = 'zombie' AND v.name LIKE 'farm-" + run + "-%' AND h.at >= "
                    + "to_timestamp(" + killedAt / 1000.0 + ")")) {
                r.next();
                zombieRows = r.getInt(1);
            }
            int zombieVms;
            try (ResultSet r = db.createStatement().executeQuery("SELECT count(DISTINCT h.vm_id) FROM vm_state_history h "
                    + "JOIN vm v ON v.id = h.vm_id WHERE h.to_state = 'zombie' AND v.name LIKE 'farm-" + run + "-%' AND "
                    + "h.at >= to_timestamp(" + killedAt / 1000.0 + ")")) {
                r.next();
                zombieVms = r.getInt(1);
            }
            System.out.printf("farm host loss: %d stand-in hosts killed at once; %d detected lost, after p50 %d ms, max %d"
                    + " ms from the kill (their last beat %d ms before it); all their VMs stopped %d ms after the kill;"
                    + " %d zombie records for %d VMs (once each expected; the VMs include started ones placed there)%n",
                    kill, lostAt.size(), pct(times, 50), times.isEmpty() ? -1 : times.get(times.size() - 1),
                    killedAt - lastBeat, settledAt, zombieRows, zombieVms);
        }
        beats.shutdownNow();
        System.exit(0);
    }

    private static void onCommand(Agent agent, jakarta.jms.Message m, Map<Long, Long> received) {
        try {
            Envelope envelope = CODEC.decode(((TextMessage) m).getText());
            if (envelope.message() instanceof StartVmCommand start) {
                received.put(start.vmId(), System.currentTimeMillis());
                VmReport report = new VmReport(start.vmId(), "qvd-" + start.vmId(), VmState.RUNNING, start.ip(),
                        start.mac(), start.memoryMb());
                agent.vms.add(report);
                agent.link.send(new VmStateChanged(agent.name, start.correlationId(), start.vmId(), VmState.RUNNING,
                        start.ip(), null), 0);
            }
        } catch (Exception e) {
            System.err.println(agent.name + ": command: " + e);
        }
    }

    private static void placement(String api, String basic, List<Long> vms, Map<Long, Long> sent,
            Map<Long, Long> received) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trustAll()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        String token = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/auth/token")).header("Authorization",
                basic).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll(".*\"token\":\"([^\"]*)\".*", "$1");
        List<Long> rest = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(vms.size());
        for (long vm : vms) {
            new Thread(() -> {
                try {
                    go.await();
                    long t = System.currentTimeMillis();
                    sent.put(vm, t);
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/v1/vms/" + vm + "/start"))
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    rest.add(System.currentTimeMillis() - t);
                    if (r.statusCode() / 100 != 2) {
                        errors.incrementAndGet();
                        System.err.println("start " + vm + ": " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("start " + vm + ": " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        go.countDown();
        done.await();
        Thread.sleep(3000);
        List<Long> toAgent = new ArrayList<>();
        for (long vm : vms) {
            if (received.containsKey(vm)) {
                toAgent.add(received.get(vm) - sent.get(vm));
            }
        }
        Collections.sort(rest);
        Collections.sort(toAgent);
        System.out.printf("farm placement: %d concurrent starts (REST, bearer): start call p50 %d ms, p99 %d ms; StartVm at"
                + " the stand-in agent p50 %d ms, p99 %d ms after the call (n=%d); errors %d%n", vms.size(), pct(rest, 50),
                pct(rest, 99), pct(toAgent, 50), pct(toAgent, 99), toAgent.size(), errors.get());
    }

    /** An address of its own per run (10.<100 + run % 150>.x.y) so that runs on the same database never collide. */
    static String ip(String run, int n) {
        return "10." + (100 + Integer.parseInt(run) % 150) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    static long newVm(PreparedStatement vm, long user, long osf, String name, String ip) throws Exception {
        vm.setLong(1, user);
        vm.setLong(2, osf);
        vm.setString(3, name);
        vm.setString(4, ip);
        vm.executeUpdate();
        return generated(vm);
    }

    static long generated(PreparedStatement statement) throws Exception {
        try (ResultSet k = statement.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    static String mac(int n) {
        return String.format("52:54:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static long dbSize(Connection db) throws Exception {
        try (ResultSet r = db.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long cpuTicks(long pid) {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat")).split("\\) ")[1]
                    .split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    static long rssMb(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not local
        }
        return -1;
    }

    static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String auth) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String auth) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
