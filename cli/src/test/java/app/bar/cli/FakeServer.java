package app.bar.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the BAR server in unit tests: answers each "METHOD path" with a canned status,
 * headers and JSON body, and records every request, so a test can check what the CLI refused to
 * send (no unlock, no view used) and how it reads each answer.
 */
final class FakeServer implements AutoCloseable {

    record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeServer on(String request, int status, String body, String... headers) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        answers.put(request, new Answer(status, body, map));
        return this;
    }

    /** Metadata of share {@code id} as {@code GET /api/shares/{id}} answers it. */
    FakeServer share(String id, String kind, boolean password, boolean viewOnly) {
        return on("GET /api/shares/" + id, 200, "{\"kind\":\"" + kind + "\",\"requiresPassword\":" + password
                + ",\"requiresOtp\":false,\"zeroKnowledge\":true,\"viewOnly\":" + viewOnly + ",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");
    }

    boolean received(String prefix) {
        return requests.stream().anyMatch(r -> r.startsWith(prefix));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(request);
        exchange.getRequestBody().readAllBytes();
        Answer answer = answers.getOrDefault(request, new Answer(404,
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"The resource does not exist.\"}", Map.of()));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
