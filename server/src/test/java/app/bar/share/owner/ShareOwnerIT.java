package app.bar.share.owner;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.account.AccountFixtures;
import app.bar.share.DestroyReason;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareApi;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareFiles;
import app.bar.share.ShareIntegrationTest;
import app.bar.share.SharePasswordFailed;
import app.bar.support.EventPublications;
import app.bar.support.TestHttp;
import bartest.share.ShareTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Owners' API (issue #4 item 12) and the events share activity publishes; owners are real
 * accounts acting with personal API tokens.
 */
@ShareIntegrationTest
class ShareOwnerIT {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnedShares owned;
    @Autowired
    ShareTestSupport.RecordedShareEvents events;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
    }

    private static String account() {
        return "acct-" + System.nanoTime();
    }

    @Test
    void listWhenSignedInThenOwnSharesWithoutContentOrZeroKnowledgeFilename() {
        String me = account();
        api.create(aText("plain secret").with("filename", "visible.txt").with("maxViews", 3), api.as(me));
        api.create(ShareApi.aFile("hidden-name").zeroKnowledge(), api.as(me));
        api.create(aText("not mine"), api.as(account()));
        HttpResponse<String> response = api.http().get("/api/shares", api.as(me));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode shares = TestHttp.json(response).get("shares");
        assertThat(shares).hasSize(2);
        assertThat(response.body()).doesNotContain("plain secret", "hidden-name", "not mine", "manage", "wrapped");
        assertThat(response.body()).contains("visible.txt", "\"viewsLeft\":3", "\"state\":\"active\"",
                "\"state\":\"awaiting_upload\"");
    }

    @Test
    void listWhenAnonymousThen401() {
        ShareApi.assertProblem(api.http().get("/api/shares"), 401, "auth.required");
    }

    @Test
    void eventsWhenOwnerThenAccessLogWithRedactedIpAndBrowserFamily() {
        String me = account();
        String id = api.create(aText("logged"), api.as(me)).id();
        String ticket = api.ticket(id);
        assertThat(api.content(id, ticket, "User-Agent", FIREFOX).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestHttp.json(
                api.http().get("/api/shares/" + id + "/events", api.as(me))).get("events").findValuesAsString("outcome"))
                .containsExactly("opened", "destroyed_views_used"));
        HttpResponse<String> response = api.http().get("/api/shares/" + id + "/events", api.as(me));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode log = TestHttp.json(response).get("events");
        assertThat(log.get(0).get("ip").asString()).isEqualTo("127.0.***.***");
        assertThat(log.get(0).get("browser").asString()).isEqualTo("Firefox");
        assertThat(response.body()).doesNotContain("127.0.0.1", "logged", "Gecko");
    }

    @Test
    void eventsWhenAnotherAccountAsksThen404() {
        // ASVS 8.2.2: another user's share answers as a missing one
        String id = api.create(aText("x"), api.as(account())).id();
        ShareApi.assertProblem(api.http().get("/api/shares/" + id + "/events", api.as(account())), 404,
                "resource.not_found");
        ShareApi.assertProblem(api.http().get("/api/shares/" + id + "/events"), 401, "auth.required");
    }

    /** ASVS 8.2.1: a token made for reading cannot create or burn shares. */
    @Test
    void createWhenApiTokenLacksWriteScopeThen403() {
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        AccountFixtures.Session session = fixtures.login(fixtures.anAccount().create());
        HttpResponse<String> token = api.http().postJson("/api/account/tokens",
                TestHttp.map("name", "read-only", "scopes", List.of("shares:read"), "expiresInDays", 30),
                session.cookieAndCsrfHeaders());
        String[] readOnly = {"Authorization", "Bearer " + TestHttp.json(token).get("token").asString()};
        ShareApi.assertProblem(api.createRaw(aText("x"), readOnly), 403, "access.denied");
        assertThat(api.http().get("/api/shares", readOnly).statusCode()).isEqualTo(200);
    }

    /** Issue #3 item 11: deleting an account over the admin API destroys its shares. */
    @Test
    void adminDeleteWhenOwnerHasSharesThenSharesDestroyed() {
        String me = account();
        String id = api.create(aText("owned by a deleted user"), api.as(me)).id();
        AccountFixtures fixtures = new AccountFixtures(context, api.http());
        AccountFixtures.Session admin = fixtures.login(fixtures.anAccount().admin().create());
        HttpResponse<String> deleted = api.http().send(api.http().request("/api/admin/users/" + api.accountId(me))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Cookie", admin.cookieAndCsrfHeaders()[1])
                .header("X-CSRF-Token", admin.csrf()).build());
        assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
        EventPublications.awaitSettled(jdbc, api.accountId(me)); // the shares go just after the deletion committed
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
    }

    @Test
    void burnWhenOwnerThen204AndGone() {
        String me = account();
        String id = api.create(aText("burn me"), api.as(me)).id();
        assertThat(api.burn(id, api.as(me)).statusCode()).isEqualTo(204);
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select destroy_reason from shares where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("BURNED_BY_OWNER");
    }

    @Test
    void burnWhenAnotherAccountThen404AndShareUntouched() {
        String id = api.create(aText("keep"), api.as(account())).id();
        ShareApi.assertProblem(api.burn(id, api.as(account())), 404, "resource.not_found");
        ShareApi.assertProblem(api.burn(id), 404, "resource.not_found");
        assertThat(api.read(id)).isEqualTo("keep");
    }

    @Test
    void burnWhenManageTokenThen204AndBlobRemoved() {
        ShareApi.Created created = api.createFile("f.bin", new byte[1000]);
        java.nio.file.Path blob = ShareFiles.blobOf(jdbc, created.id());
        assertThat(blob).exists();
        assertThat(api.burn(created.id(), "Authorization", "Bearer " + created.manageToken()).statusCode()).isEqualTo(204);
        assertThat(blob).doesNotExist();
        assertThat(api.burn(created.id(), "Authorization", "Bearer " + created.manageToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void destroyAllOwnedByWhenAccountDeletedThenSharesShreddedAndRowsRemoved() {
        String me = account();
        String a = api.create(aText("a"), api.as(me)).id();
        String b = api.createFile("b.bin", new byte[10], api.as(me)).id();
        String other = api.create(aText("other"), api.as(account())).id();
        assertThat(owned.destroyAllOwnedBy(api.accountId(me))).isEqualTo(2);
        assertThat(api.metadata(a).statusCode()).isEqualTo(404);
        assertThat(api.metadata(b).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from shares where owner_id = :o").param("o", api.accountId(me)).query(Integer.class)
                .single()).isZero();
        assertThat(api.metadata(other).statusCode()).isEqualTo(200);
    }

    @Test
    void eventsWhenShareOpenedAndUsedUpThenRecordsCarryIdsTimesAndViewsLeftOnly() {
        String me = account();
        String id = api.create(aText("event secret").with("filename", "ev.txt").with("maxViews", 2), api.as(me)).id();
        api.content(id, api.ticket(id), "User-Agent", FIREFOX);
        ShareAccessed accessed = events.of(ShareAccessed.class, id).findFirst()
                .orElseThrow();
        assertThat(accessed.ownerAccountId()).isEqualTo(api.accountId(me));
        assertThat(accessed.viewsLeft()).isEqualTo(1);
        assertThat(accessed.clientIp()).isEqualTo("127.0.***.***");
        assertThat(accessed.browser()).isEqualTo("Firefox");
        assertThat(accessed.toString()).doesNotContain("event secret", "ev.txt");
        api.content(id, api.ticket(id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events.of(ShareDestroyed.class, id).findFirst()).isPresent());
        ShareDestroyed destroyed = events.of(ShareDestroyed.class, id).findFirst().orElseThrow();
        assertThat(destroyed.reason()).isEqualTo(DestroyReason.VIEWS_USED);
        assertThat(destroyed.toString()).doesNotContain("event secret", "ev.txt", "bar_mt_");
    }

    @Test
    void eventsWhenPasswordFailsThenPasswordFailedRecordPublished() {
        String id = api.create(aText("x").with("password", "right-one")).id();
        api.unlock(id, Map.of("password", "wrong-one"));
        SharePasswordFailed failed = events.of(SharePasswordFailed.class, id).findFirst().orElseThrow();
        assertThat(failed.failedAttempts()).isEqualTo(1);
        assertThat(failed.ownerAccountId()).isNull();
        assertThat(failed.toString()).doesNotContain("wrong-one", "right-one");
    }
}
