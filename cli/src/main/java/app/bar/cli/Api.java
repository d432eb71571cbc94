package app.bar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's HTTP API (DESIGN.md §2, docs/shares.md) over the JDK's HttpClient: JSON calls,
 * and content streamed both ways with bounded buffers. Any error answer becomes a
 * {@link CliFailure} through {@link Problems}; a network failure is {@link Exit#FAILED}.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String USER_AGENT = "bar-cli/" + BarCli.VERSION;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_PROBLEM_BYTES = 64 * 1024;

    private final URI base;
    private final HttpClient client;
    private final @Nullable String token;

    Api(URI base, @Nullable SSLContext ssl, @Nullable String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(15));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
        this.token = token;
    }

    URI base() {
        return base;
    }

    boolean signedIn() {
        return token != null;
    }

    /** {@code POST /api/shares}: the policy (and a text share's text) → {id, shareUrl, manageToken, ...}. */
    JsonNode createShare(Map<String, Object> policy) {
        return json(post("/api/shares", policy), 201, Problems.Step.SHARE);
    }

    /**
     * {@code Expect: 100-continue} lets a server refuse an upload (busy, full, wrong token) before the
     * body is sent. JDK 17's client waits forever when that answer is not {@code 100} (seen with a
     * {@code 503} from a busy server); JDK 25's reads it. Without it, a refused upload ends in the
     * server's answer or a reset connection, both reported ("try again").
     */
    static final boolean EXPECT_CONTINUE = Runtime.version().feature() >= 25;

    /** {@code PUT /api/shares/{id}/content}: streams {@code body} ({@code length} bytes, or -1 for chunked). */
    JsonNode upload(String id, String manageToken, InputStream body, long length) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        // the manage token replaces the account's token: with both, the server reads the account's and refuses the upload
        HttpRequest request = request("/api/shares/" + path(id) + "/content")
                .setHeader("Authorization", "Bearer " + manageToken)
                .header("Content-Type", "application/octet-stream")
                .expectContinue(EXPECT_CONTINUE)
                .PUT(length >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream).build();
        return json(send(request, HttpResponse.BodyHandlers.ofInputStream()), 200, Problems.Step.UPLOAD);
    }

    /** {@code GET /api/shares/{id}}: the public facts, no view used. */
    JsonNode metadata(String id) {
        return json(send(request("/api/shares/" + path(id)).GET().build(), HttpResponse.BodyHandlers.ofInputStream()), 200,
                Problems.Step.SHARE);
    }

    /** {@code POST /api/shares/{id}/unlock}: null when a one-time code was mailed (202), else {ticket, ...}. */
    @Nullable JsonNode unlock(String id, Map<String, Object> body) {
        HttpResponse<InputStream> response = post("/api/shares/" + path(id) + "/unlock", body);
        if (response.statusCode() == 202) {
            drain(response);
            return null;
        }
        // the password was right when the code was mailed: a refusal now is about the code
        return json(response, 200, body.containsKey("otp") ? Problems.Step.OTP : Problems.Step.UNLOCK);
    }

    /** {@code POST /api/shares/{id}/content}: redeems the ticket (one view) and answers the streaming response. */
    HttpResponse<InputStream> content(String id, String ticket) {
        HttpResponse<InputStream> response = post("/api/shares/" + path(id) + "/content", Map.of("ticket", ticket));
        if (response.statusCode() != 200) {
            throw failure(response, Problems.Step.CONTENT);
        }
        return response;
    }

    /** {@code DELETE /api/shares/{id}} with a manage token, or as the signed-in owner when {@code manageToken} is null. */
    void burn(String id, @Nullable String manageToken) {
        HttpRequest.Builder request = request("/api/shares/" + path(id)).DELETE();
        if (manageToken != null) {
            request.setHeader("Authorization", "Bearer " + manageToken);
        }
        HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 204) {
            throw failure(response, manageToken == null ? Problems.Step.OWNER : Problems.Step.SHARE);
        }
        drain(response);
    }

    JsonNode listShares() {
        return json(send(request("/api/shares").GET().build(), HttpResponse.BodyHandlers.ofInputStream()), 200,
                Problems.Step.OWNER);
    }

    JsonNode events(String id) {
        return json(send(request("/api/shares/" + path(id) + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()), 200, Problems.Step.OWNER);
    }

    /** {@code GET /api/shares/{id}/receipt}: the owner's signed receipt, byte for byte (a verifier checks those bytes). */
    byte[] receipt(String id) {
        return bytes(request("/api/shares/" + path(id) + "/receipt").GET().build(), Problems.Step.OWNER);
    }

    /** The published receipt keys at {@code path} of this server, as served. */
    byte[] receiptKeys(String path) {
        HttpRequest request = request(path).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 404) {
            drain(response);
            throw CliFailure.failed("no receipt keys at " + request.uri() + ": is this the BAR server's address?");
        }
        return bytes(response, Problems.Step.SHARE);
    }

    private byte[] bytes(HttpRequest request, Problems.Step step) {
        return bytes(send(request, HttpResponse.BodyHandlers.ofInputStream()), step);
    }

    private byte[] bytes(HttpResponse<InputStream> response, Problems.Step step) {
        if (response.statusCode() != 200) {
            throw failure(response, step);
        }
        try (InputStream in = response.body()) {
            return in.readNBytes(1024 * 1024);
        } catch (IOException e) {
            throw networkFailure(e);
        }
    }

    /** {@code POST /api/shares/{id}/mail} (the owner): {queued, keyIncluded}. */
    JsonNode mailLink(String id, Map<String, Object> body) {
        return json(post("/api/shares/" + path(id) + "/mail", body), 202, Problems.Step.MAIL);
    }

    /** {@code POST /api/requests} (signed in): {id, url, note, state, maxBytes, maxViews, expiresAt, ...}. */
    JsonNode createRequest(Map<String, Object> body) {
        return json(post("/api/requests", body), 201, Problems.Step.REQUEST);
    }

    /** {@code GET /api/requests}: the caller's own requests. */
    JsonNode listRequests() {
        return json(send(request("/api/requests").GET().build(), HttpResponse.BodyHandlers.ofInputStream()), 200,
                Problems.Step.REQUEST);
    }

    /** {@code GET /api/requests/{id}} (anyone): {id, note, maxBytes, requiresPassword, expiresAt} while it can be answered. */
    JsonNode openRequest(String id) {
        return json(send(request("/api/requests/" + path(id)).GET().build(), HttpResponse.BodyHandlers.ofInputStream()), 200,
                Problems.Step.FILL);
    }

    /** {@code POST /api/requests/{id}/fulfil} (anyone): the sealed answer. */
    void fulfilRequest(String id, Map<String, Object> body) {
        expectNoContent(post("/api/requests/" + path(id) + "/fulfil", body), Problems.Step.FILL);
    }

    /** {@code GET /api/requests/{id}/answer} (the requester): the request with, once answered, shareId and ephemeralPublic. */
    JsonNode requestAnswer(String id) {
        return json(send(request("/api/requests/" + path(id) + "/answer").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()), 200, Problems.Step.REQUEST);
    }

    /** {@code DELETE /api/requests/{id}} (the requester): withdraws it. */
    void deleteRequest(String id) {
        expectNoContent(send(request("/api/requests/" + path(id)).DELETE().build(), HttpResponse.BodyHandlers.ofInputStream()),
                Problems.Step.REQUEST);
    }

    private static void expectNoContent(HttpResponse<InputStream> response, Problems.Step step) {
        if (response.statusCode() != 204) {
            throw failure(response, step);
        }
        drain(response);
    }

    /** A page of the audit export: where the next starts, and whether this one was full. */
    record AuditPage(@Nullable String nextCursor, boolean more) {
    }

    /**
     * {@code GET /api/admin/audit}: copies one page to {@code out} as it arrives (without its first
     * line, the CSV header, when {@code skipHeader}).
     */
    AuditPage audit(List<String[]> query, java.io.OutputStream out, boolean skipHeader) {
        String parameters = query.stream().map(p -> path(p[0]) + "=" + path(p[1])).collect(Collectors.joining("&"));
        HttpResponse<InputStream> response = send(request("/api/admin/audit?" + parameters).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 403) {
            drain(response);
            throw new CliFailure(Exit.DENIED, "refused: the audit export is for admins (an API token needs the admin scope)");
        }
        if (response.statusCode() != 200) {
            throw failure(response, Problems.Step.OWNER);
        }
        try (InputStream in = response.body()) {
            if (skipHeader) {
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    // the header line again
                }
            }
            in.transferTo(out);
        } catch (IOException e) {
            throw networkFailure(e);
        }
        return new AuditPage(response.headers().firstValue("BAR-Next-Cursor").orElse(null),
                response.headers().firstValue("BAR-Has-More").map(Boolean::parseBoolean).orElse(false));
    }

    /** {@code GET /api/account} with the API token: 200, or 403 for a token without {@code account:read}. */
    int accountStatus() {
        HttpResponse<InputStream> response = send(request("/api/account").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200 || response.statusCode() == 403) {
            drain(response);
            return response.statusCode();
        }
        throw failure(response, Problems.Step.OWNER);
    }

    /** A browser-style session, only long enough to mint an API token ({@code bar login}). */
    record Session(String cookies, String csrf) {
        @Override
        public String toString() {
            return "Session[hidden]";
        }
    }

    Session login(String email, char[] password) {
        HttpResponse<InputStream> response = post("/api/auth/login", Map.of("email", email, "password", password));
        JsonNode body = json(response, 200, Problems.Step.LOGIN);
        String cookies = response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')).strip())
                .filter(c -> c.indexOf('=') > 0 && c.indexOf('=') < c.length() - 1)
                .collect(Collectors.joining("; "));
        String csrf = Problems.text(body, "csrfToken");
        if (cookies.isEmpty() || csrf == null) {
            throw CliFailure.failed("the server's sign-in answer has no session: is " + base + " a BAR server?");
        }
        return new Session(cookies, csrf);
    }

    JsonNode createToken(Session session, String name, List<String> scopes, int days) {
        HttpRequest request = sessionRequest("/api/account/tokens", session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                        Map.of("name", name, "scopes", scopes, "expiresInDays", days)))).build();
        return json(send(request, HttpResponse.BodyHandlers.ofInputStream()), 201, Problems.Step.LOGIN);
    }

    /** Ends the session that minted the token; the token itself lives on. Best effort. */
    void logout(Session session) {
        try {
            drain(send(sessionRequest("/api/auth/logout", session).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (CliFailure e) {
            // the session ends by itself after its idle timeout
        }
    }

    private HttpRequest.Builder sessionRequest(String path, Session session) {
        return HttpRequest.newBuilder(uri(path)).timeout(CALL_TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").header("Cookie", session.cookies())
                .header("X-CSRF-Token", session.csrf());
    }

    private HttpResponse<InputStream> post(String path, Object body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if (!path.endsWith("/content")) {
            builder.timeout(CALL_TIMEOUT); // streams may take as long as they take
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.failed("interrupted");
        } catch (IOException e) {
            throw networkFailure(e);
        }
    }

    CliFailure networkFailure(IOException e) {
        String server = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        if (hasCause(e, SSLException.class)) {
            return new CliFailure(Exit.FAILED, "TLS with " + server + " failed (" + rootMessage(e)
                    + "): for a private CA give --ca-file FILE", e);
        }
        if (e instanceof HttpConnectTimeoutException || hasCause(e, ConnectException.class)) {
            return new CliFailure(Exit.FAILED, "cannot connect to " + server + ": check BAR_SERVER / --server and your network", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new CliFailure(Exit.FAILED, server + " did not answer in time: try again later", e);
        }
        return new CliFailure(Exit.FAILED, "the connection to " + server + " failed (" + rootMessage(e) + "): try again", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static JsonNode json(HttpResponse<InputStream> response, int expected, Problems.Step step) {
        if (response.statusCode() != expected) {
            throw failure(response, step);
        }
        try (InputStream in = response.body()) {
            return JSON.readTree(in);
        } catch (IOException | JacksonException e) {
            throw CliFailure.failed("the server's answer is not the JSON expected (" + e.getClass().getSimpleName()
                    + "): is this a BAR server?");
        }
    }

    static CliFailure failure(HttpResponse<InputStream> response, Problems.Step step) {
        JsonNode problem = null;
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_PROBLEM_BYTES);
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                problem = JSON.readTree(bytes);
            }
        } catch (IOException | JacksonException e) {
            problem = null; // the status alone decides
        }
        return Problems.failure(response.statusCode(), retryAfter(response), problem, step);
    }

    private static @Nullable Long retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || !value.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Long.parseLong(value.strip());
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(MAX_PROBLEM_BYTES);
        } catch (IOException e) {
            // nothing we need was in it
        }
    }
}
