import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of bench/text-roundtrips.sh: each of N threads loops create (text share) →
 * unlock → read content for a fixed time and records each complete round trip's latency.
 * A short warm-up (5 s) is excluded from the figures. Run with the JDK's source launcher.
 */
public final class TextRoundTrips {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("\"ticket\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        run(http, base, clients, 5, false);
        Result r = run(http, base, clients, seconds, true);
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("clients: %d, duration: %d s, round trips: %d, errors: %d%n", clients, seconds, lat.length,
                r.errors);
        System.out.printf("round trips/s: %.0f  (each = create + unlock + read: 3 HTTP requests)%n",
                lat.length / (double) seconds);
        System.out.printf("latency of a round trip: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(lat, 50),
                pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    }

    record Result(long[] latencies, long errors) {
    }

    static Result run(HttpClient http, String base, int clients, int seconds, boolean measure) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] slot = {new long[1 << 16]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        roundTrip(http, base);
                        long took = System.nanoTime() - start;
                        if (count[0] == slot[0].length) {
                            slot[0] = Arrays.copyOf(slot[0], slot[0].length * 2);
                        }
                        slot[0][count[0]++] = took;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                synchronized (perThread) {
                    perThread.add(Arrays.copyOf(slot[0], count[0]));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(measure ? all : new long[0], errors.get());
    }

    static void roundTrip(HttpClient http, String base) throws Exception {
        String id = find(ID, post(http, base + "/api/shares", "{\"kind\":\"text\",\"text\":\"benchmark secret\"}", 201));
        String ticket = find(TICKET, post(http, base + "/api/shares/" + id + "/unlock", "{}", 200));
        String body = post(http, base + "/api/shares/" + id + "/content", "{\"ticket\":\"" + ticket + "\"}", 200);
        if (!body.equals("benchmark secret")) {
            throw new IllegalStateException("wrong content");
        }
    }

    static String post(HttpClient http, String url, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected body");
        }
        return m.group(1);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
