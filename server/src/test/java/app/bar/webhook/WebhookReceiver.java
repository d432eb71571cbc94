package app.bar.webhook;


import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver for tests: the JDK's HTTP server on 127.0.0.1, a behaviour per path
 * (accept, fail n times first, redirect, answer slowly, answer with a huge body), and a record of
 * every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** What a path answers. */
    interface Behaviour {
        void answer(HttpExchange exchange, int requestNumber) throws IOException;
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    /** Bytes a huge answer wrote before the client cut the connection (-1 while it writes). */
    final AtomicLong hugeBytesWritten = new AtomicLong(-1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    WebhookReceiver on(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    static Behaviour status(int code) {
        return (exchange, n) -> respond(exchange, code, code == 204 ? "" : "{}");
    }

    static Behaviour failFirst(int failures, int code) {
        return (exchange, n) -> respond(exchange, n <= failures ? code : 204, "");
    }

    static Behaviour redirectTo(String location) {
        return (exchange, n) -> {
            exchange.getResponseHeaders().set("Location", location);
            respond(exchange, 302, "");
        };
    }

    static Behaviour slow(Duration delay) {
        return (exchange, n) -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "");
        };
    }

    /** 200 and then {@code bytes} of body, counting how far it got before the client hung up. */
    Behaviour huge(long bytes) {
        return (exchange, n) -> {
            exchange.sendResponseHeaders(200, bytes);
            byte[] chunk = new byte[64 * 1024];
            long written = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                while (written < bytes) {
                    out.write(chunk);
                    written += chunk.length;
                }
            } catch (IOException cut) {
                // the client closed the connection: what we wanted
            } finally {
                hugeBytesWritten.set(written);
            }
        };
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until {@code enough} holds for the requests to {@code path}, or fails. */
    public List<Received> await(String path, Predicate<List<Received>> enough, Duration timeout) {
        return Awaitility.await("requests to the receiver's " + path).atMost(timeout).pollInterval(Duration.ofMillis(25))
                .until(() -> at(path), enough);
    }

    public List<Received> await(String path, int count) {
        return await(path, got -> got.size() >= count, Duration.ofSeconds(15));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int n = (int) counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
        Behaviour behaviour = behaviours.getOrDefault(path, status(204));
        try {
            behaviour.answer(exchange, n);
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
