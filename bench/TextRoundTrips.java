import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client of bench/text-roundtrips.sh: each of N threads loops create (text share) →
 * unlock → read content for a fixed time over its own keep-alive connection and records each
 * complete round trip's latency. A warm-up (default 120 s: on two cores shared with the load,
 * the server's JIT compilers need minutes to reach a steady state) is excluded from the figures.
 *
 * <p>The client speaks HTTP/1.1 over plain blocking sockets on purpose: it shares the machine's
 * cores with the server, and java.net.http.HttpClient spent about a third of a core on this load.
 * It handles only what BAR answers here (Content-Length or chunked bodies). Run it with the JDK's
 * source launcher: {@code java TextRoundTrips.java <base-url> <clients> <seconds> [warm-up s]}.
 */
public final class TextRoundTrips {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("\"ticket\":\"([^\"]+)\"");
    private static final String SECRET = "benchmark secret";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        if (warmUp > 0) {
            Result w = run(base, clients, warmUp);
            System.out.printf("warm-up: %d s, %d round trips (%.0f/s), not counted%n", warmUp, w.latencies.length,
                    w.latencies.length / (double) warmUp);
        }
        Result r = run(base, clients, seconds);
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("clients: %d, duration: %d s, round trips: %d, errors: %d%n", clients, seconds, lat.length,
                r.errors);
        System.out.printf("round trips/s: %.0f  (each = create + unlock + read: 3 HTTP requests)%n",
                lat.length / (double) seconds);
        System.out.printf("latency of a round trip: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(lat, 50), pct(lat, 90), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        if (r.firstError != null) {
            System.out.println("first error: " + r.firstError);
        }
    }

    record Result(long[] latencies, long errors, String firstError) {
    }

    static Result run(URI base, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        String[] firstError = {null};
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                long[] slot = new long[1 << 14];
                int count = 0;
                Connection conn = null;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (conn == null) {
                            conn = new Connection(base);
                        }
                        roundTrip(conn);
                        if (count == slot.length) {
                            slot = Arrays.copyOf(slot, slot.length * 2);
                        }
                        slot[count++] = System.nanoTime() - start;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.toString();
                            }
                        }
                        if (conn != null) {
                            conn.close();
                            conn = null;
                        }
                    }
                }
                if (conn != null) {
                    conn.close();
                }
                synchronized (perThread) {
                    perThread.add(Arrays.copyOf(slot, count));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, errors.get(), firstError[0]);
    }

    static void roundTrip(Connection conn) throws IOException {
        String id = find(ID, conn.post("/api/shares", "{\"kind\":\"text\",\"text\":\"" + SECRET + "\"}", 201));
        String ticket = find(TICKET, conn.post("/api/shares/" + id + "/unlock", "{}", 200));
        String body = conn.post("/api/shares/" + id + "/content", "{\"ticket\":\"" + ticket + "\"}", 200);
        if (!body.equals(SECRET)) {
            throw new IllegalStateException("wrong content");
        }
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

    /** One keep-alive HTTP/1.1 connection: a request, then its whole answer, then the next. */
    static final class Connection {
        private final URI base;
        private final String host;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean closing;

        Connection(URI base) throws IOException {
            this.base = base;
            host = base.getHost() + ":" + base.getPort();
            open();
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        String post(String path, String json, int expected) throws IOException {
            if (closing) { // the server said Connection: close (Tomcat does after 100 requests)
                close();
                open();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: */*\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closing = false;
            for (String l = line(); !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                answer.write(in.readNBytes((int) length));
            } else {
                throw new IOException("answer without a length");
            }
            if (code != expected) {
                throw new IllegalStateException("HTTP " + code + " on " + path.replaceAll("/shares/[^/]+", "/shares/{id}"));
            }
            return answer.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }
}
