package app.bar.webhook;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SSRF at the door (ASVS 1.3.6, 13.2.4, 15.3.2): on the embedded default (private addresses not
 * allowed) every internal target and every spelling of one is a 400 naming the field, for the
 * account webhook ({@code url}) and a share's own ({@code webhookUrl}); nothing is stored.
 */
@BarIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSsrfIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    ShareApi api;
    WebhookApi webhooks;

    @BeforeAll
    void setUp() {
        api = new ShareApi(new TestHttp(port), context);
        webhooks = new WebhookApi(api);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "http://2130706433/",
            "http://0x7f.1/", "http://127.1/", "http://017700000001/", "http://0x7f000001/", "http://0/",
            "http://[::ffff:127.0.0.1]/", "http://[::1]/", "http://[::]/", "http://localhost/", "http://localhost./",
            "http://127.0.0.1./", "http://user@127.0.0.1/", "http://127.0.0.1#@example.com/",
            "http://%31%32%37.0.0.1/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.0.1/",
            "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data/", "http://224.0.0.1/",
            "http://255.255.255.255/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[ff02::1]/",
            "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::]/", "http://[2001::1]/",
            "file:///etc/passwd", "ftp://example.com/", "not a url"})
    void putWhenTargetInternalOrTrickyThen400NamingUrl(String url) {
        HttpResponse<String> response = webhooks.put("ssrf", Map.of("url", url));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(TestHttp.json(response).get("errors").get(0).get("code").asString()).isEqualTo("webhook.url_refused");
        assertThat(response.body()).doesNotContain(url); // the problem never echoes input
        assertThat(webhooks.get("ssrf").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://2130706433/", "http://[::ffff:127.0.0.1]/",
            "http://169.254.169.254/", "http://user@127.0.0.1/", "http://127.0.0.1#@example.com/", "http://[fd00::1]/",
            "http://localhost./"})
    void createShareWhenWebhookUrlInternalThen400NamingWebhookUrl(String url) {
        HttpResponse<String> response = api.createRaw(aText("x").with("webhookUrl", url), api.as("ssrf"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("webhookUrl");
    }

    @Test
    void createShareWhenAnonymousSetsWebhookUrlThen400NamingWebhookUrl() {
        HttpResponse<String> response = api.createRaw(aText("x").with("webhookUrl", "https://hooks.example.com/x"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("webhookUrl");
    }

    @Test
    void putWhenTargetRefusedThenSecurityEventRecorded() {
        webhooks.put("probe", Map.of("url", "http://169.254.169.254/"));
        assertThat(jdbc.sql("select count(*) from security_events where type = 'webhook.target_refused' and actor_id = :a")
                .param("a", api.accountId("probe")).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void putWhenHttpOnTheEmbeddedDefaultAndPublicAddressThenAccepted() {
        // a public literal: accepted (no event is ever sent to it, so no traffic leaves the machine)
        HttpResponse<String> response = webhooks.put("public", Map.of("url", "http://93.184.215.14:8443/hook"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(webhooks.delete("public").statusCode()).isEqualTo(204);
    }
}
