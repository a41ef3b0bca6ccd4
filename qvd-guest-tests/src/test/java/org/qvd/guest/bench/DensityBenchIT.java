package org.qvd.guest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.guest.platform.Admin;
import org.qvd.guest.platform.ClientProcess;
import org.qvd.guest.platform.ContainerDesktop;
import org.qvd.guest.platform.GuestSystem;
import org.qvd.guest.platform.Libvirt;
import org.qvd.guest.platform.XDisplay;

/**
 * Density (issue 17): how many desktops of each kind one host of this machine holds. Starts N container desktops and
 * then M VM desktops of the same image (one after the other, each admin start timed to {@code running}), measures
 * what each costs the host idle (PSS of its processes, its memory cgroup, the drop of MemAvailable), then attaches a
 * real client to each (qvd-client with nxproxy on one Xvfb display, until the VMA says nxagent is {@code connected}
 * and the desktop had time to draw) and measures again, the clients' own memory apart. Prints {@code DENSITY} lines
 * and how many desktops would fit in this host's available memory. Run by {@code bench/density/run.sh}
 * ({@code -Dqvd.bench.density=true}); skipped otherwise.
 */
@ExtendWith(GuestSystem.class)
class DensityBenchIT {
    private static final Path WORK =
            Path.of(System.getProperty("qvd.guest.artifacts", "target/guest-artifacts"), "density");
    private static final HttpClient VMA =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void idleAndAttachedDesktopsOfEachKind(GuestSystem.Running r) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("qvd.bench.density"), "benchmark: -Dqvd.bench.density=true");
        int containers = Integer.getInteger("qvd.bench.density.containers", 8);
        int vms = Integer.getInteger("qvd.bench.density.vms", 2);
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("known_servers"));
        System.out.printf(
                "DENSITY host: MemTotal %d MiB, MemAvailable %d MiB before any desktop, load %s%n",
                DesktopMemory.total() / 1024, DesktopMemory.available() / 1024, load());
        Admin admin = r.admin();
        long user = admin.vm(r.demo().vmId()).path("userId").asLong();
        if (containers > 0 && Files.isExecutable(Path.of("/usr/bin/lxc-start"))) {
            long osf = ContainerDesktop.demo(r).osf();
            List<Long> ids = new ArrayList<>(List.of(ContainerDesktop.demo(r).vm()));
            ids.addAll(create(admin, user, osf, "density-ct-", containers - 1));
            measure(r, "container", ids, Duration.ofMinutes(3));
        }
        if (vms > 0) {
            List<Long> ids = new ArrayList<>(List.of(r.demo().vmId()));
            ids.addAll(
                    create(admin, user, admin.vm(r.demo().vmId()).path("osfId").asLong(), "density-vm-", vms - 1));
            measure(r, "vm", ids, Duration.ofMinutes(12));
        }
    }

    private static List<Long> create(Admin admin, long user, long osf, String prefix, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(admin.post("/vms", Map.of("userId", user, "osfId", osf, "name", prefix + i))
                    .path("id")
                    .asLong());
        }
        return ids;
    }

    private static void measure(GuestSystem.Running r, String kind, List<Long> ids, Duration startLimit)
            throws Exception {
        Admin admin = r.admin();
        long before = DesktopMemory.available();
        List<Long> startMs = new ArrayList<>();
        for (long id : ids) {
            long begin = System.nanoTime();
            admin.post("/vms/" + id + "/start");
            JsonNode v = await(
                    () -> admin.vm(id),
                    x -> !x.path("state").asText().equals("starting")
                            && !x.path("state").asText().equals("stopped"),
                    startLimit);
            assertThat(v.path("state").asText())
                    .as("%s %d after its start: %s", kind, id, v)
                    .isEqualTo("running");
            startMs.add((System.nanoTime() - begin) / 1_000_000);
        }
        System.out.printf(
                "DENSITY %s: %d started one after the other, admin start -> running %s ms (load %s)%n",
                kind, ids.size(), startMs, load());
        Thread.sleep(kind.equals("vm") ? 30_000 : 10_000); // let each desktop's boot settle (systemd, the VMA's JIT)
        report(kind + " idle", kind, ids, before, 0);

        try (XDisplay display = XDisplay.start(60, WORK.resolve("xvfb-" + kind + ".log"))) {
            List<ClientProcess> clients = new ArrayList<>();
            try {
                List<Long> attached = new ArrayList<>();
                for (long id : ids) {
                    ClientProcess client = ClientProcess.connect(
                            display,
                            r.system().l7rPort(),
                            r.demo().user() + "@default",
                            r.demo().password(),
                            id,
                            WORK,
                            "client-" + kind + "-" + id);
                    clients.add(client);
                    String ip = admin.vm(id).path("ip").asText();
                    long begin = System.nanoTime();
                    String state = await(
                            () -> xState(id, ip),
                            s -> s.contains("\"connected\"") || !client.isAlive(),
                            Duration.ofMinutes(3));
                    if (client.isAlive() && state.contains("\"connected\"")) {
                        attached.add(id);
                        System.out.printf(
                                "DENSITY %s %d: client attached in %d ms%n",
                                kind, id, (System.nanoTime() - begin) / 1_000_000);
                    } else {
                        System.out.printf(
                                "DENSITY %s %d: the client did not attach (%s); its output: %s%n",
                                kind, id, state, client.output().replace('\n', ' '));
                    }
                }
                assertThat(attached)
                        .as("%s desktops with a client attached", kind)
                        .isNotEmpty();
                Thread.sleep(15_000); // every desktop drawn (panel, terminal) and idle again
                display.screenshot(WORK.resolve("attached-" + kind + ".png"));
                long clientsKb = clients.stream()
                        .mapToLong(c -> DesktopMemory.pssOfTree(c.handle()))
                        .sum();
                report(kind + " with a client attached", kind, ids, before, clientsKb);
                System.out.printf(
                        "DENSITY %s clients (qvd-client JVM + nxproxy, on this host here; on the user's"
                                + " machine in real use): %d MiB PSS per client%n",
                        kind, clientsKb / 1024 / ids.size());
            } finally {
                clients.forEach(ClientProcess::close);
            }
        }
        for (long id : ids) {
            admin.post("/vms/" + id + "/stop");
        }
        for (long id : ids) {
            await(() -> admin.vm(id).path("state").asText(), "stopped"::equals, Duration.ofMinutes(3));
        }
    }

    private static void report(String label, String kind, List<Long> ids, long availableBefore, long clientsKb)
            throws Exception {
        long pss = 0;
        long anon = 0;
        long file = 0;
        int processes = 0;
        for (long id : ids) {
            DesktopMemory.Usage u = kind.equals("vm") ? DesktopMemory.ofVm(id) : DesktopMemory.ofContainer(id);
            pss += u.pssKb();
            anon += Math.max(0, u.anonKb());
            file += Math.max(0, u.fileKb());
            processes += u.processes();
        }
        int n = ids.size();
        long drop = availableBefore - DesktopMemory.available() - clientsKb;
        long perDesktop = Math.max(1, pss / n);
        // the fit is by PSS: MemAvailable moves with every other job on a shared machine, so it is printed, not used
        System.out.printf(
                "DENSITY %s: %d desktops, PSS %d MiB per desktop (%d processes each)%s; by PSS %d fit in the"
                        + " %d MiB available before them, the VMAS places %d (it counts the OSF's 1024 MiB per desktop);"
                        + " MemAvailable moved %d MiB per desktop (clients taken out; other jobs move it too)%n",
                label,
                n,
                pss / 1024 / n,
                processes / n,
                kind.equals("vm")
                        ? ""
                        : String.format(
                                ", memory cgroup %d MiB anon + %d MiB page cache per desktop",
                                anon / 1024 / n, file / 1024 / n),
                availableBefore / perDesktop,
                availableBefore / 1024,
                availableBefore / 1024 / 1024,
                drop / 1024 / n);
    }

    private static String xState(long vm, String ip) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ip + ":3030/vma/x_state"))
                    .timeout(Duration.ofSeconds(5));
            String key = Libvirt.vmaKey(vm);
            if (key != null) {
                request.header("X-QVD-VMA-Key", key);
            }
            return VMA.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception | AssertionError e) {
            return e.toString();
        }
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, java.util.function.Predicate<T> done, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime())
                    .as("not reached within %s; last: %s", timeout, last)
                    .isLessThan(end);
            Thread.sleep(500);
            last = probe.get();
        }
        return last;
    }
}
