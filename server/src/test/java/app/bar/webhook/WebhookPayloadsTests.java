package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.DestroyReason;
import app.bar.share.ShareAccessed;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareExpired;
import app.bar.share.ShareId;
import app.bar.share.ShareLocked;
import app.bar.share.SharePasswordFailed;
import app.bar.share.ShareTamperDetected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Payloads carry what the owner needs and nothing else; Discord and Slack get their own shape. */
class WebhookPayloadsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-05T10:15:30.123456Z");
    private static final String SHARE = "AbCdEfGhIjKlMnOpQrSt_w";
    private static final ShareId SHARE_ID = new ShareId(SHARE);
    private static final String EVENT_ID = "AbCdEfGhIjKlMnOpQrStUw";

    private final WebhookPayloads payloads = new WebhookPayloads(JSON);
    private final ChatFormats formats = new ChatFormats(JSON);

    static List<ShareEvent> everyEvent() {
        List<ShareEvent> events = new ArrayList<>();
        events.add(new ShareAccessed(EVENT_ID, SHARE_ID, "acct", AT, "203.0.***.***", "Firefox", 2));
        events.add(new SharePasswordFailed(EVENT_ID, SHARE_ID, "acct", AT, "203.0.***.***", "curl", 2, 3));
        events.add(new ShareLocked(EVENT_ID, SHARE_ID, "acct", AT, "203.0.***.***", "curl", 2, AT.plusSeconds(3600)));
        events.add(new ShareDestroyed(EVENT_ID, SHARE_ID, "acct", AT, null, null, 0, DestroyReason.VIEWS_USED));
        events.add(new ShareExpired(EVENT_ID, SHARE_ID, "acct", AT, null, null, null));
        events.add(new ShareTamperDetected(EVENT_ID, SHARE_ID, "acct", AT, "2001:db8:***", "Chrome", 1));
        return events;
    }

    @Test
    void payloadWhenEachEventTypeThenOnlyTheDocumentedFields() {
        for (ShareEvent event : everyEvent()) {
            JsonNode p = JSON.readTree(payloads.payload("evt_x", event));
            List<String> fields = new ArrayList<>(p.propertyNames());
            assertThat(fields).as(event.getClass().getSimpleName()).startsWith("eventId", "type", "time", "shareId",
                    "viewsLeft", "ip", "browser");
            assertThat(fields.subList(7, fields.size())).isSubsetOf("reason", "failedAttempts", "lockedUntil")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(p.get("time").asString()).isEqualTo("2026-11-05T10:15:30.123Z");
            assertThat(p.get("shareId").asString()).isEqualTo(SHARE);
        }
    }

    @Test
    void payloadWhenDestroyedThenReasonInLowerCase() {
        JsonNode p = JSON.readTree(payloads.payload("evt_x",
                new ShareDestroyed(EVENT_ID, SHARE_ID, "a", AT, null, null, 0, DestroyReason.BURNED_BY_OWNER)));
        assertThat(p.get("type").asString()).isEqualTo("share.destroyed");
        assertThat(p.get("reason").asString()).isEqualTo("burned_by_owner");
    }

    @Test
    void typeWhenEachEventThenDocumentedName() {
        assertThat(everyEvent().stream().map(ShareEvent::type)).containsExactly("share.accessed",
                "share.password_failed", "share.locked", "share.destroyed", "share.expired", "share.tamper_detected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://discord.com/api/webhooks/123/tok", "https://discordapp.com/api/webhooks/1/t",
            "https://DISCORD.com./api/webhooks/1/t", "https://canary.discord.com/api/webhooks/1/t"})
    void shapeOfWhenDiscordWebhookThenDiscord(String url) {
        assertThat(ChatFormats.shapeOf(url)).isEqualTo(ChatFormats.Shape.DISCORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://discord.com/channels/1", "http://discord.com/api/webhooks/1/t",
            "https://discord.com.evil.test/api/webhooks/1/t", "https://evil.test/api/webhooks/1/t",
            "https://hooks.slack.com.evil.test/services/x", "https://example.com/hook"})
    void shapeOfWhenAnythingElseThenJson(String url) {
        assertThat(ChatFormats.shapeOf(url)).isEqualTo(ChatFormats.Shape.JSON);
    }

    @Test
    void bodyWhenDiscordThenContentLineWithoutFieldsAsJson() {
        String payload = payloads.payload("evt_x", everyEvent().get(0));
        JsonNode body = JSON.readTree(formats.body("https://discord.com/api/webhooks/1/t", payload));
        assertThat(body.propertyNames()).containsExactly("content");
        assertThat(body.get("content").asString())
                .isEqualTo("BAR: share `" + SHARE + "` was opened (2 views left) from `203.0.***.***` (Firefox).");
    }

    @Test
    void bodyWhenSlackThenTextLine() {
        String payload = payloads.payload("evt_x", everyEvent().get(3));
        JsonNode body = JSON.readTree(formats.body("https://hooks.slack.com/services/T/B/x", payload));
        assertThat(body.propertyNames()).containsExactly("text");
        assertThat(body.get("text").asString()).isEqualTo("BAR: share `" + SHARE + "` was destroyed (its last view was used).");
    }

    @Test
    void bodyWhenOtherUrlThenThePayloadItself() {
        String payload = payloads.payload("evt_x", everyEvent().get(1));
        assertThat(new String(formats.body("https://example.com/hook", payload), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    @Test
    void lineWhenEachEventTypeThenShortSentence() {
        for (ShareEvent event : everyEvent()) {
            String line = ChatFormats.line(JSON.readTree(payloads.payload("evt_x", event)));
            assertThat(line).startsWith("BAR: ").endsWith(".").hasSizeLessThan(200).contains("`" + SHARE + "`");
        }
    }

    @Test
    void requestFulfilledWhenPayloadThenIdsAndTimeOnly() {
        JsonNode p = JSON.readTree(payloads.payload("evt_x",
                new app.bar.share.RequestFulfilled(EVENT_ID, "ReQuEsTiDReQuEsTiD_-12", "acct", SHARE, AT)));
        assertThat(p.propertyNames()).containsExactly("eventId", "type", "time", "requestId", "shareId");
        assertThat(p.get("type").asString()).isEqualTo("request.fulfilled");
        assertThat(p.get("time").asString()).isEqualTo("2026-11-05T10:15:30.123Z");
        assertThat(ChatFormats.line(p)).isEqualTo(
                "BAR: request `ReQuEsTiDReQuEsTiD_-12` was answered: share `" + SHARE + "`.");
    }
}
