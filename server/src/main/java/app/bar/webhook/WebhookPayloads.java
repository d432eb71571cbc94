package app.bar.webhook;

import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareLocked;
import app.bar.share.SharePasswordFailed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON payload of a share event, as stored in the outbox and sent to generic receivers:
 * {@code eventId, type, time, shareId, viewsLeft, ip, browser} and, where the type has one,
 * {@code reason}, {@code failedAttempts} or {@code lockedUntil}. Built only from the event's
 * fields, which never hold content, filenames, emails, tokens or a whole IP address.
 */
@Component
class WebhookPayloads {

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    String payload(String eventId, ShareEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("type", event.type());
        body.put("time", iso(event.at()));
        body.put("shareId", event.shareId().value());
        body.put("viewsLeft", event.viewsLeft());
        body.put("ip", event.clientIp());
        body.put("browser", event.browser());
        if (event instanceof ShareDestroyed destroyed) {
            body.put("reason", destroyed.reason().name().toLowerCase(Locale.ROOT));
        } else if (event instanceof SharePasswordFailed failed) {
            body.put("failedAttempts", failed.failedAttempts());
        } else if (event instanceof ShareLocked locked) {
            body.put("lockedUntil", iso(locked.lockedUntil()));
        }
        return json.writeValueAsString(body);
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
