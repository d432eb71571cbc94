package app.bar.share.owner;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An owner's label for a share (issue 13 item 9): set at creation, edited later, validated, shown
 * to its owner only, and sealed at rest.
 */
@ShareIntegrationTest
class ShareLabelIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    private static String owner() {
        return "label-owner-" + System.nanoTime();
    }

    private HttpResponse<String> putLabel(String id, Object label, String... headers) {
        HttpRequest.Builder b = api.http().request("/api/shares/" + id + "/label").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestHttp.JSON.writeValueAsString(TestHttp.map("label", label))));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return api.http().send(b.build());
    }

    private JsonNode listed(String me, String id) {
        HttpResponse<String> list = api.http().get("/api/shares", api.as(me));
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode share : TestHttp.json(list).get("shares")) {
            if (share.get("id").asString().equals(id)) {
                return share;
            }
        }
        throw new AssertionError("share " + id + " is not in its owner's list");
    }

    @Test
    void createWhenLabelSetThenOwnersListShowsIt() {
        String me = owner();
        String id = api.create(aText("s3cret").with("label", "  Wi-Fi for Ann  "), api.as(me)).id();
        assertThat(listed(me, id).get("label").asString()).isEqualTo("Wi-Fi for Ann");
    }

    @Test
    void createWhenNoLabelThenListedLabelIsNull() {
        String me = owner();
        String id = api.create(aText("s3cret"), api.as(me)).id();
        assertThat(listed(me, id).get("label").isNull()).isTrue();
    }

    @Test
    void labelWhenEditedThenListShowsTheNewOneAndBlankRemovesIt() {
        String me = owner();
        String id = api.create(aText("s3cret").with("label", "first"), api.as(me)).id();
        HttpResponse<String> edited = putLabel(id, "second name", api.as(me));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(TestHttp.json(edited).get("label").asString()).isEqualTo("second name");
        assertThat(listed(me, id).get("label").asString()).isEqualTo("second name");
        assertThat(putLabel(id, "   ", api.as(me)).statusCode()).isEqualTo(200);
        assertThat(listed(me, id).get("label").isNull()).isTrue();
        assertThat(jdbc.sql("select label_sealed from shares where id = :id").param("id", id).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void labelWhenShareDestroyedThenTombstoneKeepsItAndItCanBeEdited() {
        String me = owner();
        String id = api.create(aText("s3cret").with("label", "gone soon"), api.as(me)).id();
        api.read(id);
        assertThat(listed(me, id).get("label").asString()).isEqualTo("gone soon");
        assertThat(putLabel(id, "read by Ann", api.as(me)).statusCode()).isEqualTo(200);
        assertThat(listed(me, id).get("label").asString()).isEqualTo("read by Ann");
    }

    @Test
    void labelWhenLongerThan100CharactersThen400FieldSizeAndUnchanged() {
        String me = owner();
        String id = api.create(aText("s3cret").with("label", "kept"), api.as(me)).id();
        HttpResponse<String> refused = putLabel(id, "x".repeat(101), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"label\"", "field.size");
        assertThat(listed(me, id).get("label").asString()).isEqualTo("kept");
        assertThat(putLabel(id, "é".repeat(100), api.as(me)).statusCode()).isEqualTo(200); // characters, not bytes
    }

    @Test
    void labelWhenItHasControlOrBidiCharactersThen400FieldFormat() {
        String me = owner();
        String id = api.create(aText("s3cret"), api.as(me)).id();
        for (String bad : new String[] {"two\nlines", "bell\u0007", "spoof\u202Etxt.exe"}) {
            HttpResponse<String> refused = putLabel(id, bad, api.as(me));
            ShareApi.assertProblem(refused, 400, "request.invalid");
            assertThat(refused.body()).contains("\"field\":\"label\"", "field.format");
        }
        assertThat(listed(me, id).get("label").isNull()).isTrue();
    }

    @Test
    void createWhenLabelTooLongThen400AndNothingCreated() {
        String me = owner();
        int before = TestHttp.json(api.http().get("/api/shares", api.as(me))).get("shares").size();
        HttpResponse<String> refused = api.createRaw(aText("s3cret").with("label", "y".repeat(101)), api.as(me));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"label\"");
        assertThat(TestHttp.json(api.http().get("/api/shares", api.as(me))).get("shares").size()).isEqualTo(before);
    }

    @Test
    void createWhenAnonymousSetsALabelThen400SignedInOnly() {
        HttpResponse<String> refused = api.createRaw(aText("s3cret").with("label", "nobody sees this"));
        ShareApi.assertProblem(refused, 400, "request.invalid");
        assertThat(refused.body()).contains("\"field\":\"label\"", "share.signed_in_only");
    }

    /** ASVS 8.2.2: another account's share answers as a missing one, and its label stays. */
    @Test
    void labelWhenAnotherAccountsShareThen404AndUnchanged() {
        String me = owner();
        String id = api.create(aText("s3cret").with("label", "mine"), api.as(me)).id();
        ShareApi.assertProblem(putLabel(id, "theirs", api.as(owner())), 404, "resource.not_found");
        ShareApi.assertProblem(putLabel(id, "anonymous"), 401, "auth.required");
        assertThat(listed(me, id).get("label").asString()).isEqualTo("mine");
    }

    @Test
    void labelWhenRecipientOpensTheShareThenNoAnswerCarriesIt() {
        String me = owner();
        ShareApi.Created created = api.create(aText("the secret").with("label", "Owner-Only-Label"), api.as(me));
        String id = created.id();
        assertThat(api.metadata(id).body()).doesNotContain("Owner-Only-Label", "label");
        HttpResponse<String> status = api.http().get("/api/shares/" + id + "/status", "Authorization",
                "Bearer " + created.manageToken());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).doesNotContain("Owner-Only-Label");
        HttpResponse<String> unlocked = api.unlock(id, Map.of());
        assertThat(unlocked.body()).doesNotContain("Owner-Only-Label", "label");
        HttpResponse<byte[]> content = api.content(id, TestHttp.json(unlocked).get("ticket").asString());
        assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo("the secret");
        assertThat(content.headers().map().toString()).doesNotContain("Owner-Only-Label");
    }

    @Test
    void labelWhenStoredThenDatabaseAndBlobsHoldOnlyCiphertext() throws IOException {
        String me = owner();
        String label = "Plaintext-Label-" + System.nanoTime();
        String id = api.create(aText("s3cret").with("label", label), api.as(me)).id();
        Map<String, Object> row = jdbc.sql("select * from shares where id = :id").param("id", id).query().singleRow();
        assertThat(row.get("label_sealed")).isNotNull();
        assertThat(row.get("label_kid")).isNotNull();
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(label) || v.contains("Plaintext-Label"));
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :l")
                .param("l", "%Plaintext-Label%").query(Integer.class).single()).isZero();
        try (Stream<Path> files = Files.walk(TestBackends.blobRoot())) {
            assertThat(files.filter(Files::isRegularFile)).noneMatch(f -> contains(f, label));
        }
        assertThat(listed(me, id).get("label").asString()).isEqualTo(label);
    }

    @Test
    void labelWhenSealedValueCopiedToAnotherShareThenItDoesNotOpenThere() {
        String me = owner();
        String a = api.create(aText("a").with("label", "label of a"), api.as(me)).id();
        String b = api.create(aText("b"), api.as(me)).id();
        jdbc.sql("""
                update shares set label_kid = (select label_kid from shares where id = :a),
                    label_sealed = (select label_sealed from shares where id = :a) where id = :b""")
                .param("a", a).param("b", b).update();
        try {
            assertThat(listed(me, b).get("label").isNull()).isTrue();
            assertThat(listed(me, a).get("label").asString()).isEqualTo("label of a");
        } finally {
            // the tampered row would fail every later rewrap of this shared database (ShareRewrapIT)
            jdbc.sql("update shares set label_kid = null, label_sealed = null where id = :b").param("b", b).update();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
