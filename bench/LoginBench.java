import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Login latency and hashing-pool admission against a running BAR server (see bench/README.md).
 *
 * <pre>
 * java bench/LoginBench.java latency URL EMAIL PASSWORD [clients=8] [seconds=30]
 * java bench/LoginBench.java burst   URL EMAIL PASSWORD [concurrent=64]
 * </pre>
 * The password is read from the environment variable BENCH_PASSWORD when PASSWORD is "-".
 */
public class LoginBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java LoginBench.java latency|burst URL EMAIL PASSWORD [n] [seconds]");
            System.exit(2);
        }
        String mode = args[0];
        String url = args[1];
        String password = args[3].equals("-") ? System.getenv("BENCH_PASSWORD") : args[3];
        String body = "{\"email\":\"" + args[2] + "\",\"password\":\"" + password + "\"}";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        if (mode.equals("burst")) {
            burst(client, request, args.length > 4 ? Integer.parseInt(args[4]) : 64);
        } else {
            latency(client, request, args.length > 4 ? Integer.parseInt(args[4]) : 8,
                    args.length > 5 ? Integer.parseInt(args[5]) : 30);
        }
    }

    /** {@code clients} threads log in back to back for {@code seconds} (after a 5 s warm-up). */
    static void latency(HttpClient client, HttpRequest request, int clients, int seconds) throws Exception {
        run(client, request, clients, 5, null);
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        run(client, request, clients, seconds, (status, us) -> {
            micros.add(us);
            statuses.merge(status, 1, Integer::sum);
        });
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("clients=%d seconds=%d requests=%d throughput=%.1f/s statuses=%s%n", clients, seconds,
                sorted.size(), sorted.size() / (double) seconds, statuses);
        System.out.printf("latency ms: median=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(sorted, 0.50), pct(sorted, 0.90),
                pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    interface Sample {
        void record(int status, long micros);
    }

    static void run(HttpClient client, HttpRequest request, int clients, int seconds, Sample sample) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (sample != null && !stop.get()) {
                            sample.record(r.statusCode(), (System.nanoTime() - start) / 1000);
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
    }

    /** {@code n} logins sent at once: how many the hashing pool takes and how many get 503. */
    static void burst(HttpClient client, HttpRequest request, int n) {
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        String retryAfter = "-";
        for (CompletableFuture<HttpResponse<Void>> f : all) {
            HttpResponse<Void> r = f.join();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 503) {
                retryAfter = r.headers().firstValue("Retry-After").orElse("missing");
            }
        }
        System.out.printf("burst=%d statuses=%s retryAfter=%s%n", n, statuses, retryAfter);
    }

    static double pct(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
