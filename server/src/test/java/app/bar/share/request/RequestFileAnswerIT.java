package app.bar.share.request;

import static app.bar.support.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.MailBox;
import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport.MovableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Requests answered with files (issue 18 item 2): the fill claims the request and makes the
 * requester's zero-knowledge file share; the request is answered only when that share's upload
 * completes. The container is opaque bytes here; the browser test seals real files.
 */
@ShareIntegrationTest
@TestPropertySource(properties = "bar.rate-limits.request-fill=1000/1h") // its own budget, not the other ITs'
class RequestFileAnswerIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUBJECT = "Your BAR request for a secret was answered";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    ShareApi api;
    TestHttp http;
    byte[] linkAccessKey;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        api = new ShareApi(http, context);
        linkAccessKey = new byte[32];
        RANDOM.nextBytes(linkAccessKey);
    }

    private static String account() {
        return "req-files-" + System.nanoTime();
    }

    private String create(String me, Map<String, Object> body) {
        HttpResponse<String> created = http.postJson("/api/requests", body, api.as(me));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private HttpResponse<String> fill(String id, long size, Map<String, Object> extra) throws Exception {
        byte[] point = new byte[65];
        RANDOM.nextBytes(point);
        point[0] = 4;
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "file");
        body.put("size", size);
        body.put("ephemeralPublic", b64(point));
        body.put("linkVerifier", b64(MessageDigest.getInstance("SHA-256").digest(linkAccessKey)));
        body.putAll(extra);
        return http.postJson("/api/requests/" + id + "/fulfil", body);
    }

    private JsonNode filled(String id, long size) throws Exception {
        HttpResponse<String> filled = fill(id, size, Map.of());
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        return json(filled);
    }

    private static String shareOf(JsonNode upload) {
        return upload.get("uploadUrl").asString().replaceAll("^/api/shares/([^/]+)/content$", "$1");
    }

    private String state(String id) {
        return jdbc.sql("select state from secret_requests where id = :id").param("id", id).query(String.class).single();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    @Test
    void fillWithFilesThenAnsweredOnlyWhenTheUploadCompletesWithTheSameBytes() throws Exception {
        String me = account();
        String id = create(me, Map.of("maxBytes", 100_000, "maxViews", 2));
        byte[] container = bytes(50_000);
        JsonNode upload = filled(id, container.length);
        String shareId = shareOf(upload);
        assertThat(state(id)).isEqualTo("FILLING");
        assertThat(json(http.get("/api/requests/" + id + "/answer", api.as(me))).get("state").asString()).isEqualTo("open");

        HttpResponse<String> put = api.upload(shareId, upload.get("uploadToken").asString(), container);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode own = json(http.get("/api/requests/" + id + "/answer", api.as(me)));
        assertThat(own.get("state").asString()).isEqualTo("fulfilled");
        assertThat(own.get("shareId").asString()).isEqualTo(shareId);
        assertThat(jdbc.sql("select owner_id from shares where id = :id").param("id", shareId).query(String.class)
                .single()).isEqualTo(api.accountId(me));
        String ticket = api.ticket(shareId, Map.of("linkAccessKey", b64(linkAccessKey)));
        assertThat(api.content(shareId, ticket).body()).isEqualTo(container);
    }

    @Test
    void uploadTokenWhenAnswerCompleteThenNoLongerManagesTheShare() throws Exception {
        String id = create(account(), Map.of("maxBytes", 1000));
        JsonNode upload = filled(id, 100);
        String shareId = shareOf(upload);
        String token = upload.get("uploadToken").asString();
        assertThat(http.get("/api/shares/" + shareId + "/status", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(api.upload(shareId, token, bytes(100)).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/shares/" + shareId + "/status", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void fillWithFilesWhenDeclaredLargerThanTheRequestAllowsThen400TooLargeAndStillOpen() throws Exception {
        String id = create(account(), Map.of("maxBytes", 1000));
        assertFieldProblem(fill(id, SecretRequests.fileContainerLimit(1000) + 1, Map.of()), "size", RequestCodes.TOO_LARGE);
        assertThat(state(id)).isEqualTo("OPEN");
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void uploadWhenLargerThanTheRequestAllowsThenRefusedTooLargeAndNotAnswered() throws Exception {
        String me = account();
        String id = create(me, Map.of("maxBytes", 1000));
        JsonNode upload = filled(id, 500);
        String shareId = shareOf(upload);
        assertFieldProblem(api.upload(shareId, upload.get("uploadToken").asString(),
                bytes((int) SecretRequests.fileContainerLimit(1000) + 1)), "content", RequestCodes.TOO_LARGE);
        assertThat(state(id)).isEqualTo("FILLING");
        assertThat(jdbc.sql("select state from shares where id = :id").param("id", shareId).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void uploadWhenItsBytesGoPastTheRequestsLimitThenRefusedTooLargeWithoutReadingTheRest() throws Exception {
        // a chunked body (no length to refuse up front) that goes on past the request's limit, far
        // below the owner's file limit, and then does not end: the answer must come from the bytes read
        String id = create(account(), Map.of("maxBytes", 1000));
        JsonNode upload = filled(id, 500);
        String shareId = shareOf(upload);
        int past = (int) SecretRequests.fileContainerLimit(1000) + 1;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/shares/" + shareId + "/content HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + upload.get("uploadToken").asString() + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(past) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[past]);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 400");
            JsonNode error = TestHttp.JSON.readTree(body(in)).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("content");
            assertThat(error.get("code").asString()).isEqualTo(RequestCodes.TOO_LARGE);
        }
        assertThat(state(id)).isEqualTo("FILLING");
        assertThat(jdbc.sql("select state from shares where id = :id").param("id", shareId).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void fillWhenFilesAreBeingUploadedOrWereThen404() throws Exception {
        String id = create(account(), Map.of("maxBytes", 1000));
        JsonNode upload = filled(id, 100);
        ShareApi.assertProblem(fill(id, 100, Map.of()), 404, "resource.not_found");
        assertThat(api.upload(shareOf(upload), upload.get("uploadToken").asString(), bytes(100)).statusCode()).isEqualTo(200);
        ShareApi.assertProblem(fill(id, 100, Map.of()), 404, "resource.not_found");
        ShareApi.assertProblem(http.get("/api/requests/" + id), 404, "resource.not_found");
    }

    @Test
    void fillWithFilesWhenPasswordWrongThen401AndNothingClaimed() throws Exception {
        String id = create(account(), Map.of("password", "right one"));
        ShareApi.assertProblem(fill(id, 100, Map.of("password", "wrong")), 401, RequestCodes.PASSWORD_WRONG);
        assertThat(state(id)).isEqualTo("OPEN");
        clock.advance(Duration.ofSeconds(31)); // past the guard's wait after a wrong one
        assertThat(fill(id, 100, Map.of("password", "right one")).statusCode()).isEqualTo(200);
    }

    @Test
    void shareBurnedBeforeItsUploadThenRequestOpenAgain() throws Exception {
        String id = create(account(), Map.of("maxBytes", 1000));
        JsonNode upload = filled(id, 100);
        String shareId = shareOf(upload);
        assertThat(api.burn(shareId, "Authorization", "Bearer " + upload.get("uploadToken").asString())
                .statusCode()).isEqualTo(204);
        assertThat(state(id)).isEqualTo("OPEN");
        assertThat(http.get("/api/requests/" + id).statusCode()).isEqualTo(200);
        assertThat(fill(id, 100, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void mailWhenAnsweredWithFilesThenOnlyOnceTheUploadCompleted() throws Exception {
        String me = account();
        String id = create(me, Map.of("maxBytes", 1000, "notifyByEmail", true));
        JsonNode upload = filled(id, 100);
        EventPublications.awaitSettled(jdbc, id);
        String email = jdbc.sql("select email from accounts where id = :id").param("id", api.accountId(me))
                .query(String.class).single();
        assertThat(MailBox.received(email, SUBJECT)).isEmpty();
        assertThat(api.upload(shareOf(upload), upload.get("uploadToken").asString(), bytes(100)).statusCode()).isEqualTo(200);
        assertThat(MailBox.await(email, SUBJECT).text()).contains("was answered at");
    }

    @Test
    void fillWhenKindUnknownThen400NamingIt() throws Exception {
        String id = create(account(), Map.of());
        assertFieldProblem(fill(id, 100, Map.of("kind", "folder")), "kind", "field.format");
    }

    private static void assertFieldProblem(HttpResponse<String> refused, String field, String code) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = json(refused).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("code").asString()).isEqualTo(code);
    }

    /** The body of a raw HTTP/1.1 answer whose status line was read: by its length or its one chunk. */
    private static String body(BufferedReader in) throws java.io.IOException {
        int length = -1;
        boolean chunked = false;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            String name = header.substring(0, header.indexOf(':')).trim();
            String value = header.substring(header.indexOf(':') + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            }
        }
        if (chunked) {
            length = Integer.parseInt(in.readLine().trim(), 16);
        }
        assertThat(length).as("the answer's body length").isPositive();
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            assertThat(n).as("the answer's body ended early").isPositive();
            read += n;
        }
        return new String(body);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
