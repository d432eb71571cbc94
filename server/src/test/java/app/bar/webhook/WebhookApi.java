package app.bar.webhook;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** The account webhook API from a test's side, for owners of {@link ShareApi}. */
final class WebhookApi {

    private final ShareApi shares;

    WebhookApi(ShareApi shares) {
        this.shares = shares;
    }

    HttpResponse<String> put(String label, Object body) {
        return put(shares.session(label), body);
    }

    HttpResponse<String> put(AccountFixtures.Session session, Object body) {
        String json = body instanceof String s ? s : TestHttp.JSON.writeValueAsString(body);
        HttpRequest.Builder b = shares.http().request("/api/account/webhook").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        String[] headers = session.cookieAndCsrfHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return shares.http().send(b.build());
    }

    /** Sets the account webhook of {@code label} and returns its secret. */
    String set(String label, String url) {
        HttpResponse<String> response = put(label, Map.of("url", url));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response).get("webhookSecret").asString();
    }

    HttpResponse<String> get(String label) {
        return shares.http().get("/api/account/webhook", shares.session(label).cookieHeaders());
    }

    HttpResponse<String> delete(String label) {
        return shares.http().method("DELETE", "/api/account/webhook", shares.session(label).cookieAndCsrfHeaders());
    }

    List<JsonNode> deliveries(String label) {
        HttpResponse<String> response = shares.http().get("/api/account/webhook/deliveries",
                shares.session(label).cookieHeaders());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(TestHttp.json(response).get("deliveries").spliterator(), false).toList();
    }

    /** Waits until the deliveries of {@code label} satisfy {@code enough}. */
    List<JsonNode> awaitDeliveries(String label, Predicate<List<JsonNode>> enough, Duration timeout) {
        return await("the deliveries of " + label).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(label), enough);
    }

    static JsonNode only(List<JsonNode> deliveries, String eventId) {
        return deliveries.stream().filter(d -> d.get("eventId").asString().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery " + eventId + " in " + deliveries));
    }
}
