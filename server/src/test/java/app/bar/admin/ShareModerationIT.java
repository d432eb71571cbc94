package app.bar.admin;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.Events;
import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Share moderation for admins (issue 20 item 1): metadata listing, burns with a reason, statistics. */
@BarIntegrationTest
class ShareModerationIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    TestHttp http;
    ShareApi api;
    AccountFixtures fixtures;
    AccountFixtures.TestAccount admin;
    AccountFixtures.Session adminSession;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        api = new ShareApi(http, context);
        fixtures = new AccountFixtures(context, http);
        admin = fixtures.anAccount().admin().create();
        adminSession = fixtures.login(admin);
    }

    @Test
    void listWhenFilteredByOwnerThenOnlyThatAccountsShares() {
        String first = api.create(aText("one"), api.as("owner")).id();
        String second = api.create(aText("two"), api.as("owner")).id();
        api.create(aText("someone else's"), api.as("other"));

        JsonNode page = list("owner=" + api.accountId("owner"));

        assertThat(ids(page)).containsExactlyInAnyOrder(first, second);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("ownerId").asString()).isEqualTo(api.accountId("owner"));
        assertThat(item.get("state").asString()).isEqualTo("active");
    }

    @Test
    void listNeverContainsContentKeysOrAZeroKnowledgeFilename() {
        // ASVS 8.2.2 / issue 20: moderation sees metadata only
        String owner = "zk-owner";
        api.create(ShareApi.aFile("contract-of-acme.pdf").zeroKnowledge(), api.as(owner));
        api.create(aText("the text itself"), api.as(owner));

        HttpResponse<String> response = http.get("/api/admin/shares?owner=" + api.accountId(owner),
                adminSession.cookieHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("contract-of-acme", "the text itself");
        JsonNode item = TestHttp.json(response).get("items").get(1);
        assertThat(item.get("zeroKnowledge").asBoolean()).isTrue();
        assertThat(item.propertyNames()).doesNotContain("filename", "text", "content", "manageToken", "key",
                "wrappedKey", "linkVerifier", "contentType");
    }

    @Test
    void listWhenFilteredByStateThenOnlyThatState() {
        String owner = "state-owner";
        String live = api.create(aText("live"), api.as(owner)).id();
        String burned = api.create(aText("burned"), api.as(owner)).id();
        assertThat(api.burn(burned, api.as(owner)).statusCode()).isEqualTo(204);

        assertThat(ids(list("owner=" + api.accountId(owner) + "&state=destroyed"))).containsExactly(burned);
        assertThat(ids(list("owner=" + api.accountId(owner) + "&state=live"))).containsExactly(live);
    }

    @Test
    void listWhenFilteredBySizeThenOnlySharesWithinIt() {
        String owner = "size-owner";
        String small = api.createFile("small.bin", new byte[10], api.as(owner)).id();
        String large = api.createFile("large.bin", new byte[50_000], api.as(owner)).id();

        assertThat(ids(list("owner=" + api.accountId(owner) + "&minSize=20000"))).containsExactly(large);
        assertThat(ids(list("owner=" + api.accountId(owner) + "&maxSize=20000"))).containsExactly(small);
    }

    @Test
    void listWhenFilteredByAgeThenOnlySharesOfThatAge() {
        String owner = "age-owner";
        String old = api.create(aText("old"), api.as(owner)).id();
        String fresh = api.create(aText("fresh"), api.as(owner)).id();
        fixtures.jdbc().sql("update shares set created_at = :t where id = :id")
                .param("t", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusDays(10)).param("id", old).update();

        assertThat(ids(list("owner=" + api.accountId(owner) + "&minAge=P7D"))).containsExactly(old);
        assertThat(ids(list("owner=" + api.accountId(owner) + "&maxAge=P7D"))).containsExactly(fresh);
    }

    @Test
    void listWhenStateUnknownThen400NamingIt() {
        HttpResponse<String> response = http.get("/api/admin/shares?state=secret", adminSession.cookieHeaders());
        ShareApi.assertProblem(response, 400, "request.invalid");
        assertThat(response.body()).contains("\"field\":\"state\"", "field.unknown_value");
    }

    @Test
    void listWhenAgeIsNoDurationThen400NamingIt() {
        HttpResponse<String> response = http.get("/api/admin/shares?minAge=yesterday", adminSession.cookieHeaders());
        ShareApi.assertProblem(response, 400, "request.invalid");
        assertThat(response.body()).contains("\"field\":\"minAge\"", "field.format");
    }

    @Test
    void moderationEndpointsWhenCalledByUserThen403AndNothingBurned() {
        // ASVS 8.2.1: function-level access control
        String id = api.create(aText("stays"), api.as("victim")).id();
        AccountFixtures.Session user = fixtures.login(fixtures.anAccount().create());

        assertThat(http.get("/api/admin/shares", user.cookieHeaders()).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/admin/shares/statistics", user.cookieHeaders()).statusCode()).isEqualTo(403);
        assertThat(burn(id, Map.of("reason", "spam"), user.cookieAndCsrfHeaders()).statusCode()).isEqualTo(403);
        assertThat(http.postJson("/api/admin/users/" + api.accountId("victim") + "/burn-shares",
                Map.of("reason", "spam"), user.cookieAndCsrfHeaders()).statusCode()).isEqualTo(403);
        assertThat(api.read(id)).isEqualTo("stays");
    }

    @Test
    void burnWhenReasonMissingThen400NamingReasonAndShareStillOpens() {
        String id = api.create(aText("still here"), api.as("owner")).id();

        HttpResponse<String> noBody = http.method("DELETE", "/api/admin/shares/" + id, adminSession.cookieAndCsrfHeaders());
        HttpResponse<String> blank = burn(id, Map.of("reason", "  "), adminSession.cookieAndCsrfHeaders());

        for (HttpResponse<String> response : List.of(noBody, blank)) {
            ShareApi.assertProblem(response, 400, "request.invalid");
            assertThat(response.body()).contains("\"field\":\"reason\"", "field.required");
        }
        assertThat(api.read(id)).isEqualTo("still here");
    }

    @Test
    void burnWhenReasonGivenThenShareDestroyedAsBurnedByAdminAndAuditedWithTheReason() {
        String id = api.create(aText("reported"), api.as("owner")).id();
        long before = Events.lastId(fixtures.jdbc());

        assertThat(burn(id, Map.of("reason", "phishing report #42"), adminSession.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(204);

        assertThat(api.unlock(id, Map.of()).statusCode()).isEqualTo(404);
        JsonNode listed = list("owner=" + api.accountId("owner")).get("items").get(0);
        assertThat(listed.get("state").asString()).isEqualTo("destroyed");
        assertThat(listed.get("destroyReason").asString()).isEqualTo("burned_by_admin");
        assertThat(Events.detailsSince(fixtures.jdbc(), "admin.action", before))
                .anySatisfy(d -> assertThat(d).contains("share.burn", id, "phishing report #42"));
        assertThat(Events.count(fixtures.jdbc(), "admin.action", admin.id())).isEqualTo(1);
    }

    @Test
    void burnWhenShareUnknownOrAlreadyDestroyedThen404() {
        String id = api.create(aText("once"), api.as("owner")).id();
        assertThat(burn(id, Map.of("reason", "abuse"), adminSession.cookieAndCsrfHeaders()).statusCode()).isEqualTo(204);

        assertThat(burn(id, Map.of("reason", "abuse"), adminSession.cookieAndCsrfHeaders()).statusCode()).isEqualTo(404);
        assertThat(burn("AAAAAAAAAAAAAAAAAAAAAA", Map.of("reason", "abuse"), adminSession.cookieAndCsrfHeaders())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void burnByOwnerWhenReasonGivenThenEveryLiveShareOfTheAccountDestroyedAndOthersKept() {
        String owner = "bad-actor";
        String a = api.create(aText("a"), api.as(owner)).id();
        String b = api.create(aText("b"), api.as(owner)).id();
        String other = api.create(aText("innocent"), api.as("bystander")).id();

        HttpResponse<String> response = http.postJson("/api/admin/users/" + api.accountId(owner) + "/burn-shares",
                Map.of("reason", "account abused"), adminSession.cookieAndCsrfHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).get("burned").asInt()).isEqualTo(2);
        assertThat(api.unlock(a, Map.of()).statusCode()).isEqualTo(404);
        assertThat(api.unlock(b, Map.of()).statusCode()).isEqualTo(404);
        assertThat(api.read(other)).isEqualTo("innocent");
    }

    @Test
    void burnByOwnerWhenReasonMissingThen400AndNothingBurned() {
        String id = api.create(aText("kept"), api.as("owner")).id();

        HttpResponse<String> response = http.postJson("/api/admin/users/" + api.accountId("owner") + "/burn-shares",
                Map.of(), adminSession.cookieAndCsrfHeaders());

        ShareApi.assertProblem(response, 400, "request.invalid");
        assertThat(api.read(id)).isEqualTo("kept");
    }

    @Test
    void statisticsWhenSharesOpenedThenCountsStatesStorageAndTodaysOpens() {
        JsonNode before = statistics();
        String opened = api.create(aText("open me").with("maxViews", 2), api.as("owner")).id();
        api.read(opened);
        api.createFile("stored.bin", new byte[4096], api.as("owner"));

        JsonNode after = statistics();

        assertThat(after.get("byState").get("active").asLong() - before.get("byState").get("active").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(after.get("storedBytes").asLong() - before.get("storedBytes").asLong()).isGreaterThanOrEqualTo(4096);
        JsonNode days = after.get("opensPerDay");
        assertThat(days.size()).isEqualTo(30);
        JsonNode today = days.get(29);
        assertThat(today.get("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(today.get("opens").asLong() - before.get("opensPerDay").get(29).get("opens").asLong())
                .isGreaterThanOrEqualTo(1);
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = http.get("/api/admin/shares?" + query, adminSession.cookieHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    private JsonNode statistics() {
        HttpResponse<String> response = http.get("/api/admin/shares/statistics", adminSession.cookieHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    private HttpResponse<String> burn(String id, Map<String, ?> body, String... headers) {
        HttpRequest.Builder request = http.request("/api/admin/shares/" + id).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(TestHttp.JSON.writeValueAsString(body),
                        StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build());
    }
}
