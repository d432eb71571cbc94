package app.bar.share.open;

import static app.bar.share.ShareApi.aText;
import static app.bar.share.ShareApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A recipient burns a multi-view share after reading, when its sender allowed it; views left on the download (issue 13 items 5, 6). */
@ShareIntegrationTest
class RecipientBurnIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ShareApi api;

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    private HttpResponse<byte[]> read(String id) {
        return api.content(id, api.ticket(id));
    }

    private HttpResponse<String> burn(String id, String token) {
        return api.http().postJson("/api/shares/" + id + "/burn", Map.of("burnToken", token));
    }

    @Test
    void contentWhenRecipientBurnAllowedThenTheDownloadCarriesABurnTokenAndViewsLeft() {
        String id = api.create(aText("read me").with("maxViews", 3).with("allowRecipientBurn", true)).id();
        HttpResponse<byte[]> download = read(id);
        assertThat(download.headers().firstValue("BAR-Views-Left")).hasValue("2");
        assertThat(download.headers().firstValue("BAR-Burn-Token")).hasValueSatisfying(t -> assertThat(t).hasSizeGreaterThan(20));
    }

    @Test
    void contentWhenRecipientBurnNotAllowedThenNoBurnToken() {
        String id = api.create(aText("read me").with("maxViews", 3)).id();
        assertThat(read(id).headers().firstValue("BAR-Burn-Token")).isEmpty();
    }

    @Test
    void contentWhenTheLastViewThenViewsLeftZero() {
        String id = api.create(aText("once")).id();
        assertThat(read(id).headers().firstValue("BAR-Views-Left")).hasValue("0");
    }

    @Test
    void burnWhenTheTokenOfTheDownloadThenDestroyedWithReasonRecipient() {
        String id = api.create(aText("read me").with("maxViews", 3).with("allowRecipientBurn", true)).id();
        String token = read(id).headers().firstValue("BAR-Burn-Token").orElseThrow();
        assertThat(burn(id, token).statusCode()).isEqualTo(204);
        assertThat(api.metadata(id).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select destroy_reason from shares where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("RECIPIENT");
        assertThat(jdbc.sql("select count(*) from share_burn_tokens where share_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void burnWhenTheTokenIsWrongThen404AndTheShareStillOpens() {
        String id = api.create(aText("read me").with("maxViews", 3).with("allowRecipientBurn", true)).id();
        read(id);
        assertProblem(burn(id, "bar_not_the_token_0123456789"), 404, "resource.not_found");
        assertThat(new String(read(id).body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("read me");
    }

    @Test
    void burnWhenTheTokenOfAnotherShareThen404() {
        String other = api.create(aText("other").with("maxViews", 3).with("allowRecipientBurn", true)).id();
        String token = read(other).headers().firstValue("BAR-Burn-Token").orElseThrow();
        String id = api.create(aText("read me").with("maxViews", 3).with("allowRecipientBurn", true)).id();
        assertProblem(burn(id, token), 404, "resource.not_found");
        assertThat(api.metadata(id).statusCode()).isEqualTo(200);
    }
}
