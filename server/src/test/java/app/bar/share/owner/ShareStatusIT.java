package app.bar.share.owner;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The manage link tells how the share ended, from its tombstone (issue 13 item 5). */
@ShareIntegrationTest
class ShareStatusIT {

    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    @LocalServerPort
    int port;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    private HttpResponse<String> status(ShareApi.Created share, String token) {
        return api.http().get("/api/shares/" + share.id() + "/status", "Authorization", "Bearer " + token);
    }

    @Test
    void statusWhenWaitingThenActiveWithViewsLeftAndNotOpened() {
        ShareApi.Created share = api.create(aText("s").with("maxViews", 2));
        JsonNode body = TestHttp.json(status(share, share.manageToken()));
        assertThat(body.get("state").asString()).isEqualTo("active");
        assertThat(body.get("viewsLeft").asInt()).isEqualTo(2);
        assertThat(body.get("lastOpenedAt").isNull()).isTrue();
    }

    @Test
    void statusWhenOpenedThenDestroyedByViewsUsedWithWhenAndTheBrowserFamily() {
        ShareApi.Created share = api.create(aText("s"));
        api.content(share.id(), api.ticket(share.id(), Map.of(), "User-Agent", CHROME), "User-Agent", CHROME);
        HttpResponse<String> response = status(share, share.manageToken());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("state").asString()).isEqualTo("destroyed");
        assertThat(body.get("reason").asString()).isEqualTo("views_used");
        assertThat(body.get("lastOpenedAt").isNull()).isFalse();
        assertThat(body.get("lastOpenedBrowser").asString()).isEqualTo("Chrome");
        assertThat(response.body()).doesNotContain("\"s\"", "manage", "wrapped");
    }

    @Test
    void statusWhenBurnedThenDestroyedByTheOwner() {
        ShareApi.Created share = api.create(aText("s"));
        api.burn(share.id(), "Authorization", "Bearer " + share.manageToken());
        assertThat(TestHttp.json(status(share, share.manageToken())).get("reason").asString()).isEqualTo("burned_by_owner");
    }

    @Test
    void statusWhenTheManageTokenIsWrongThen404() {
        ShareApi.Created share = api.create(aText("s"));
        ShareApi.assertProblem(status(share, "bar_mt_not-the-token"), 404, "resource.not_found");
        ShareApi.assertProblem(api.http().get("/api/shares/" + share.id() + "/status"), 404, "resource.not_found");
    }
}
