package app.bar.share.create;

import static app.bar.share.ShareApi.aFile;
import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.StoredSecrets;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecretsStore;
import app.bar.share.lifecycle.ShareTestHooks;
import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Per-recipient links over real HTTP (issue 18 item 3): one secret, one link per recipient, each
 * an ordinary share of one group, uploaded once, each with its own views, access log and end; the
 * group's content blob goes with its last link. The server treats each recipient's wrapped content
 * key as opaque, so these tests send random 60-byte ones.
 */
@ShareIntegrationTest
class ShareRecipientsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    ShareTestSupport.MovableClock clock;
    ShareApi api;
    StoredSecrets stored;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
        stored = new StoredSecrets(context);
    }

    /** A recipient as the client makes one: a random link access key, its verifier and a wrapped key. */
    record Recipient(String label, String linkAccessKey, String linkVerifier, String wrappedKey) {
        static Recipient named(String label) {
            byte[] access = random(32);
            return new Recipient(label, B64.encodeToString(access), B64.encodeToString(sha256(access)),
                    B64.encodeToString(random(60)));
        }

        Map<String, Object> json() {
            return Map.of("label", label, "linkVerifier", linkVerifier, "wrappedKey", wrappedKey);
        }
    }

    private static List<Recipient> recipients(String... labels) {
        return Arrays.stream(labels).map(Recipient::named).toList();
    }

    private static ShareApi.Policy withRecipients(ShareApi.Policy policy, List<Recipient> recipients) {
        return policy.with("zeroKnowledge", true).with("recipients", recipients.stream().map(Recipient::json).toList());
    }

    private static String account() {
        return "acct-" + System.nanoTime();
    }

    @Test
    void createWhenThreeRecipientsThenOneShareEachInOneGroupTheFirstOnTop() {
        String me = account();
        List<Recipient> people = recipients("Ann", "Bob", "Cleo");
        JsonNode body = api.create(withRecipients(aText("container"), people), api.as(me)).body();
        JsonNode links = body.get("recipients");
        assertThat(links).hasSize(3);
        assertThat(body.get("groupId").asString()).isEqualTo(body.get("id").asString());
        assertThat(links.get(0).get("id").asString()).isEqualTo(body.get("id").asString());
        assertThat(links.get(0).get("manageToken").asString()).isEqualTo(body.get("manageToken").asString());
        assertThat(links.findValuesAsString("label")).containsExactly("Ann", "Bob", "Cleo");
        assertThat(links.findValuesAsString("id")).doesNotHaveDuplicates();
        assertThat(links.findValuesAsString("manageToken")).doesNotHaveDuplicates().allMatch(t -> t.startsWith("bar_mt_"));
        for (JsonNode link : links) {
            assertThat(link.get("shareUrl").asString()).endsWith("/s/" + link.get("id").asString());
            assertThat(jdbc.sql("select group_id from shares where id = :id").param("id", link.get("id").asString())
                    .query(String.class).single()).isEqualTo(body.get("groupId").asString());
        }
    }

    @Test
    void createWhenRecipientsThenEachSecretsBlobHoldsTheOneSealedKeyAndItsOwnWrappedKeyAndVerifier() {
        List<Recipient> people = recipients("Ann", "Bob");
        JsonNode links = api.create(withRecipients(aText("container"), people), api.as(account())).body().get("recipients");
        ShareRow first = stored.row(links.get(0).get("id").asString());
        ShareRow second = stored.row(links.get(1).get("id").asString());
        assertThat(second.keys().sealed()).isEqualTo(first.keys().sealed());
        assertThat(second.content().inline()).isEqualTo(first.content().inline());
        assertThat(List.of(first.keys().recipientKey(), second.keys().recipientKey()))
                .containsExactly(people.get(0).wrappedKey(), people.get(1).wrappedKey());
        assertThat(List.of(first.keys().linkVerifier(), second.keys().linkVerifier()))
                .containsExactly(people.get(0).linkVerifier(), people.get(1).linkVerifier());
        assertThat(stored.blobOf(first.id().value())).isNotEqualTo(stored.blobOf(second.id().value()));
    }

    @Test
    void listWhenRecipientsThenEachLinkWithItsRecipientsLabelAndTheGroupId() {
        String me = account();
        JsonNode body = api.create(withRecipients(aText("container"), recipients("Ann", "Bob")), api.as(me)).body();
        api.create(aText("alone").zeroKnowledge(), api.as(me));
        HttpResponse<String> list = api.http().get("/api/shares", api.as(me));
        List<JsonNode> shares = new ArrayList<>();
        TestHttp.json(list).get("shares").forEach(shares::add);
        assertThat(shares).hasSize(3);
        assertThat(shares.stream().filter(s -> !s.get("groupId").isNull()).map(s -> s.get("label").asString()))
                .containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(shares.stream().filter(s -> !s.get("groupId").isNull()).map(s -> s.get("groupId").asString()))
                .containsOnly(body.get("groupId").asString());
        assertThat(list.body()).doesNotContain(body.get("manageToken").asString(), "wrapped");
    }

    @Test
    void createWhenAnonymousThen400SignedInOnlyAndNothingCreated() {
        assertRefused(withRecipients(aText("c"), recipients("Ann", "Bob")), "recipients", "share.signed_in_only", false);
    }

    @Test
    void createWhenOneRecipientThen400FieldSizeAndNothingCreated() {
        JsonNode error = assertRefused(withRecipients(aText("c"), recipients("Ann")), "recipients", "field.size", true);
        assertThat(error.get("min").asInt()).isEqualTo(2);
        assertThat(error.get("max").asInt()).isEqualTo(20);
    }

    @Test
    void createWhenTwentyOneRecipientsThen400FieldSizeAndNothingCreated() {
        String[] labels = IntStream.rangeClosed(1, 21).mapToObj(i -> "person " + i).toArray(String[]::new);
        assertRefused(withRecipients(aText("c"), recipients(labels)), "recipients", "field.size", true);
    }

    @Test
    void createWhenTwoLabelsDifferOnlyInCaseThen400NamingTheSecondAndNothingCreated() {
        assertRefused(withRecipients(aText("c"), recipients("Ann", "Bob", " ANN ")), "recipients[2].label",
                "field.invalid", true);
    }

    @Test
    void createWhenAWrappedKeyIsNot60BytesThen400NamingItAndNothingCreated() {
        Recipient bob = Recipient.named("Bob");
        Recipient shortKey = new Recipient(bob.label(), bob.linkAccessKey(), bob.linkVerifier(), B64.encodeToString(random(59)));
        assertRefused(withRecipients(aText("c"), List.of(Recipient.named("Ann"), shortKey)), "recipients[1].wrappedKey",
                "field.format", true);
    }

    @Test
    void createWhenALinkVerifierIsMalformedThen400NamingItAndNothingCreated() {
        Recipient ann = Recipient.named("Ann");
        Recipient bad = new Recipient(ann.label(), ann.linkAccessKey(), "not-a-digest", ann.wrappedKey());
        assertRefused(withRecipients(aText("c"), List.of(bad, Recipient.named("Bob"))), "recipients[0].linkVerifier",
                "field.format", true);
    }

    @Test
    void createWhenALabelIsMissingThen400NamingItAndNothingCreated() {
        Recipient ann = Recipient.named("  ");
        assertRefused(withRecipients(aText("c"), List.of(Recipient.named("Bob"), ann)), "recipients[1].label",
                "field.required", true);
    }

    @Test
    void createWhenPasswordBoundWithRecipientsThen400NamingRecipientsAndNothingCreated() {
        ShareApi.Policy policy = withRecipients(aText("c"), recipients("Ann", "Bob")).with("accessVerifier",
                ShareApi.LINK_VERIFIER);
        assertRefused(policy, "recipients", "share.field_not_allowed", true);
    }

    @Test
    void createWhenPasswordWithRecipientsThen400NamingRecipientsAndNothingCreated() {
        assertRefused(withRecipients(aText("c"), recipients("Ann", "Bob")).with("password", "pw"), "recipients",
                "share.field_not_allowed", true);
    }

    @Test
    void createWhenOneTimeCodesWithRecipientsThen400NamingRecipientsAndNothingCreated() {
        ShareApi.Policy policy = withRecipients(aText("c"), recipients("Ann", "Bob")).with("requireOtp", true)
                .with("otpEmails", List.of("ann@example.com"));
        assertRefused(policy, "recipients", "share.field_not_allowed", true);
    }

    @Test
    void createWhenTopLevelLinkVerifierWithRecipientsThen400NamingLinkVerifierAndNothingCreated() {
        assertRefused(withRecipients(aText("c"), recipients("Ann", "Bob")).with("linkVerifier", ShareApi.LINK_VERIFIER),
                "linkVerifier", "share.field_not_allowed", true);
    }

    @Test
    void createWhenRecipientsWithoutZeroKnowledgeThen400NamingRecipientsAndNothingCreated() {
        ShareApi.Policy policy = withRecipients(aFile("f"), recipients("Ann", "Bob")).with("zeroKnowledge", false);
        assertRefused(policy, "recipients", "share.field_not_allowed", true);
    }

    /** A file group of {@code people}, uploaded once with the first link's manage token; its links. */
    private JsonNode fileGroup(String me, List<Recipient> people, byte[] content, ShareApi.Policy policy) {
        JsonNode body = api.create(withRecipients(policy, people), api.as(me)).body();
        HttpResponse<String> upload = api.upload(body.get("id").asString(), body.get("manageToken").asString(), content);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        return body.get("recipients");
    }

    private static String idOf(JsonNode links, int i) {
        return links.get(i).get("id").asString();
    }

    private HttpResponse<String> unlock(String id, Recipient who) {
        return api.unlock(id, Map.of("linkAccessKey", who.linkAccessKey()));
    }

    /** Unlocks with the recipient's own link key, checks its own wrapped key came back, and reads. */
    private HttpResponse<byte[]> open(String id, Recipient who) {
        HttpResponse<String> unlocked = unlock(id, who);
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        JsonNode answer = TestHttp.json(unlocked);
        assertThat(answer.get("wrappedKey").asString()).isEqualTo(who.wrappedKey());
        return api.content(id, answer.get("ticket").asString());
    }

    private @Nullable String contentBlobOf(String id) {
        return jdbc.sql("select blob_id from shares where id = :id").param("id", id).query(String.class).list().get(0);
    }

    private boolean blobExists(String blob) {
        try (InputStream in = blobs.open(new BlobId(blob))) {
            return in != null;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void uploadWhenFileGroupThenOneUploadMakesEveryLinkReadableEachWithItsOwnWrappedKey() {
        List<Recipient> people = recipients("Ann", "Bob", "Cleo");
        byte[] container = random(5000);
        JsonNode links = fileGroup(account(), people, container, aFile("f"));
        String blob = contentBlobOf(idOf(links, 0));
        for (int i = 0; i < 3; i++) {
            assertThat(contentBlobOf(idOf(links, i))).isEqualTo(blob);
            HttpResponse<byte[]> read = open(idOf(links, i), people.get(i));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(container);
        }
    }

    @Test
    void uploadWhenToAnotherLinkOfTheGroupThen409ContentExistsAndNothingStored() {
        JsonNode links = api.create(withRecipients(aFile("f"), recipients("Ann", "Bob")), api.as(account())).body()
                .get("recipients");
        HttpResponse<String> upload = api.upload(idOf(links, 1), links.get(1).get("manageToken").asString(), random(10));
        ShareApi.assertProblem(upload, 409, "share.content_exists");
        assertThat(contentBlobOf(idOf(links, 1))).isNull();
        assertThat(jdbc.sql("select state from shares where id = :id").param("id", idOf(links, 1)).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    @Test
    void unlockWhenAnotherRecipientsLinkKeyThen401LinkKeyWrongWithoutTheWrappedKey() {
        List<Recipient> people = recipients("Ann", "Bob");
        JsonNode links = api.create(withRecipients(aText("container"), people), api.as(account())).body()
                .get("recipients");
        HttpResponse<String> wrong = unlock(idOf(links, 1), people.get(0));
        ShareApi.assertProblem(wrong, 401, "share.link_key_wrong");
        assertThat(wrong.body()).doesNotContain(people.get(1).wrappedKey(), people.get(0).wrappedKey());
    }

    @Test
    void contentWhenEachLinkOpensThenViewsAreCountedPerLink() {
        List<Recipient> people = recipients("Ann", "Bob");
        JsonNode links = fileGroup(account(), people, random(100), aFile("f").with("maxViews", 2));
        assertThat(open(idOf(links, 0), people.get(0)).headers().firstValue("BAR-Views-Left")).hasValue("1");
        assertThat(open(idOf(links, 1), people.get(1)).headers().firstValue("BAR-Views-Left")).hasValue("1");
        assertThat(open(idOf(links, 0), people.get(0)).headers().firstValue("BAR-Views-Left")).hasValue("0");
        ShareApi.assertProblem(unlock(idOf(links, 0), people.get(0)), 404, "resource.not_found");
        assertThat(open(idOf(links, 1), people.get(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void deleteWhenOneLinkRevokedThenItAnswers404ItsWrappedKeyIsGoneAndTheOthersStillOpen() {
        List<Recipient> people = recipients("Ann", "Bob", "Cleo");
        byte[] container = random(300);
        JsonNode links = fileGroup(account(), people, container, aFile("f").with("maxViews", 5));
        BlobId bobsSecrets = stored.blobOf(idOf(links, 1));
        HttpResponse<String> revoked = api.burn(idOf(links, 1), "Authorization",
                "Bearer " + links.get(1).get("manageToken").asString());
        assertThat(revoked.statusCode()).isEqualTo(204);
        ShareApi.assertProblem(unlock(idOf(links, 1), people.get(1)), 404, "resource.not_found");
        assertThat(context.getBean(ShareSecretsStore.class).read(bobsSecrets)).isEmpty();
        assertThat(blobExists(Objects.requireNonNull(contentBlobOf(idOf(links, 0))))).isTrue();
        assertThat(open(idOf(links, 0), people.get(0)).body()).isEqualTo(container);
        assertThat(open(idOf(links, 2), people.get(2)).body()).isEqualTo(container);
    }

    @Test
    void destroyWhenTheLastLinkGoesThenTheContentBlobIsDeletedNotBefore() {
        String me = account();
        List<Recipient> people = recipients("Ann", "Bob");
        JsonNode links = fileGroup(me, people, random(300), aFile("f"));
        String blob = Objects.requireNonNull(contentBlobOf(idOf(links, 0)));
        assertThat(open(idOf(links, 0), people.get(0)).statusCode()).isEqualTo(200); // its only view: shredded
        assertThat(blobExists(blob)).isTrue();
        assertThat(api.burn(idOf(links, 1), api.as(me)).statusCode()).isEqualTo(204);
        // the first link's shredding ends after its stream, which may still be finishing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(blobExists(blob)).isFalse());
    }

    @Test
    void cleanupWhenOneLinkIsDestroyedThenTheOrphanSweepKeepsTheBlobTheOthersUse() {
        String me = account();
        List<Recipient> people = recipients("Ann", "Bob");
        byte[] container = random(300);
        JsonNode links = fileGroup(me, people, container, aFile("f").with("expiresIn", "7d"));
        String blob = Objects.requireNonNull(contentBlobOf(idOf(links, 0)));
        assertThat(api.burn(idOf(links, 0), api.as(me)).statusCode()).isEqualTo(204);
        clock.advance(Duration.ofHours(2)); // past the orphan grace
        ShareTestHooks.runCleanup(context);
        assertThat(blobExists(blob)).isTrue();
        assertThat(open(idOf(links, 1), people.get(1)).body()).isEqualTo(container);
    }

    @Test
    void eventsWhenOneLinkOpenedThenOnlyItsAccessLogNamesTheOpening() {
        String me = account();
        List<Recipient> people = recipients("Ann", "Bob");
        JsonNode links = fileGroup(me, people, random(100), aFile("f").with("maxViews", 3));
        assertThat(open(idOf(links, 0), people.get(0)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestHttp.json(api.http().get("/api/shares/" + idOf(links, 0) + "/events", api.as(me))).get("events")
                        .findValuesAsString("outcome")).containsExactly("opened"));
        assertThat(TestHttp.json(api.http().get("/api/shares/" + idOf(links, 1) + "/events", api.as(me))).get("events"))
                .isEmpty();
    }

    /**
     * The 400 names {@code field} with {@code code}, and the signed-in caller has no share (an
     * anonymous caller's would have no owner to count by; the database may be shared by other runs).
     */
    private JsonNode assertRefused(ShareApi.Policy policy, String field, String code, boolean signedIn) {
        String me = account();
        HttpResponse<String> response = signedIn ? api.createRaw(policy, api.as(me)) : api.createRaw(policy);
        ShareApi.assertProblem(response, 400, "request.invalid");
        JsonNode error = TestHttp.json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("code").asString()).isEqualTo(code);
        if (signedIn) {
            assertThat(jdbc.sql("select count(*) from shares where owner_id = :me").param("me", api.accountId(me))
                    .query(Integer.class).single()).isZero();
        }
        return error;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
