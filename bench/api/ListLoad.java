import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Closed-loop load: N clients (each its own HTTP/1.1 connection) send GET requests back to back for a
 * fixed time; prints requests/s, mean and p99 latency and the error count. Run with
 * {@code java ListLoad.java <label> <url> <clients> <seconds> [authorization header value]}.
 */
public class ListLoad {

    public static void main(String[] args) throws Exception {
        String label = args[0];
        URI uri = URI.create(args[1]);
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String authorization = args.length > 4 ? args[4] : null;
        run(uri, clients, 3, authorization); // warm-up: connections, JIT, pools
        Result r = run(uri, clients, seconds, authorization);
        System.out.printf("%-34s clients=%d  %8.1f req/s  mean %6.1f ms  p99 %7.1f ms  errors %d%n", label, clients,
                r.count / (double) seconds, r.meanMs(), r.p99Ms(), r.errors);
    }

    record Result(long count, long errors, long[] latenciesNs) {
        double meanMs() {
            long sum = 0;
            for (long l : latenciesNs) {
                sum += l;
            }
            return latenciesNs.length == 0 ? 0 : sum / 1e6 / latenciesNs.length;
        }

        double p99Ms() {
            long[] sorted = latenciesNs.clone();
            java.util.Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6;
        }
    }

    static Result run(URI uri, int clients, int seconds, String authorization) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        LongAdder errors = new LongAdder();
        List<long[]> perThread = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[] lat = new long[2_000_000 / clients];
            perThread.add(lat);
            int[] n = {0};
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll())
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
                if (authorization != null) {
                    b.header("Authorization", authorization);
                }
                HttpRequest request = b.build();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (resp.statusCode() != 200) {
                            errors.increment();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.increment();
                        continue;
                    }
                    if (n[0] < lat.length) {
                        lat[n[0]++] = System.nanoTime() - start;
                    }
                    total.incrementAndGet();
                }
                lat[lat.length - 1] = -n[0]; // marks how many were recorded
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> all = new ArrayList<>();
        for (long[] lat : perThread) {
            int n = (int) -lat[lat.length - 1];
            for (int i = 0; i < n && i < lat.length - 1; i++) {
                all.add(lat[i]);
            }
        }
        return new Result(total.get(), errors.sum(), all.stream().mapToLong(Long::longValue).toArray());
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {
                }

                public void checkServerTrusted(X509Certificate[] c, String a) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
