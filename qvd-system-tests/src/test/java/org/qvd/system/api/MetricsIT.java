package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

@ExtendWith(RunningSystem.class)
class MetricsIT {

    @Test
    void countsVmsByStateAfterActionsOnBothPorts(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        long tenant = Fixtures.tenant(api).id();
        long osf = Fixtures.osf(api, tenant);
        Fixtures.di(api, osf);
        Fixtures.runningHost(system, api);
        double before = gauge(scrape(Api.root(system) + "/api/metrics"), "qvd_vms", "starting");
        long vm = Fixtures.vm(api, Fixtures.user(api, tenant), osf);
        assertThat(api.post("/vms/" + vm + "/start", "").status()).isEqualTo(200);

        // the gauges are read at most every 2 s
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(gauge(scrape(Api.root(system) + "/api/metrics"), "qvd_vms", "starting"))
                        .isEqualTo(before + 1));
        String https = scrape(Api.root(system) + "/api/metrics");
        assertThat(gauge(https, "qvd_hosts", "running")).isPositive();
        assertThat(https)
                .contains(
                        "qvd_users_connected",
                        "qvd_l7r_connect_attempts_total",
                        "qvd_l7r_connect_successes_total",
                        "qvd_l7r_bytes_total");
        String management = scrape("http://127.0.0.1:" + system.managementPort() + "/prometheus");
        assertThat(gauge(management, "qvd_vms", "starting")).isEqualTo(before + 1);
    }

    @Test
    void countsAStoppedHostAsStoppingFromTheStatistics(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        long host = Fixtures.runningHost(system, api);
        double before = gauge(scrape(Api.root(system) + "/api/metrics"), "qvd_hosts", "stopping");
        assertThat(api.post("/hosts/" + host + "/stop", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                gauge(scrape(Api.root(system) + "/api/metrics"), "qvd_hosts", "stopping"))
                        .isEqualTo(before + 1));
        String https = scrape(Api.root(system) + "/api/metrics");
        long stopping =
                api.get("/statistics").body().at("/hosts/byState/stopping").asLong();
        assertThat(gauge(https, "qvd_hosts", "stopping")).isEqualTo(stopping);
    }

    @Test
    void reportsLivenessAndReadinessOnTheHttpsPort(QvdSystem system) throws Exception {
        for (String check : new String[] {"live", "ready"}) {
            HttpResponse<String> r = TrustAll.httpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(Api.root(system) + "/api/health/" + check))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Api.JSON.readTree(r.body()).get("status").asText()).isEqualTo("UP");
        }
    }

    static String scrape(String url) throws Exception {
        HttpResponse<String> r = TrustAll.httpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** The value of {@code name{...state="state"...}}. */
    static double gauge(String text, String name, String state) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*state=\"" + state + "\"[^}]*\\} ([0-9.eE+-]+)$")
                .matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + name + "{state=" + state + "} in the metrics");
        }
        return Double.parseDouble(m.group(1));
    }
}
