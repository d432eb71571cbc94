package app.bar.webhook;

import app.bar.share.RequestFulfilled;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareLocked;
import app.bar.share.SharePasswordFailed;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON payload of a share event, as stored in the outbox and sent to generic receivers:
 * {@code eventId, type, time, shareId, viewsLeft, ip, browser} and, where the type has one,
 * {@code reason}, {@code failedAttempts} or {@code lockedUntil}. Built only from the event's
 * fields, which never hold content, filenames, emails, tokens or a whole IP address. A request's
 * answer ({@code request.fulfilled}) has its own, shorter payload.
 */
@Component
class WebhookPayloads {

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    /** The payload's fields, in the documented order; the last three only for the event types that have them. */
    record Payload(String eventId, String type, String time, String shareId, @Nullable Integer viewsLeft,
            @Nullable String ip, @Nullable String browser,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer failedAttempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String lockedUntil) {
    }

    String payload(String eventId, ShareEvent event) {
        String reason = null;
        Integer failedAttempts = null;
        String lockedUntil = null;
        if (event instanceof ShareDestroyed destroyed) {
            reason = destroyed.reason().name().toLowerCase(Locale.ROOT);
        } else if (event instanceof SharePasswordFailed failed) {
            failedAttempts = failed.failedAttempts();
        } else if (event instanceof ShareLocked locked) {
            lockedUntil = iso(locked.lockedUntil());
        }
        return json.writeValueAsString(new Payload(eventId, event.type(), iso(event.at()), event.shareId().value(),
                event.viewsLeft(), event.clientIp(), event.browser(), reason, failedAttempts, lockedUntil));
    }

    /** A request's answer: {@code eventId, type, time, requestId, shareId} (the answer's share); never the note. */
    record RequestPayload(String eventId, String type, String time, String requestId, String shareId) {
    }

    String payload(String eventId, RequestFulfilled event) {
        return json.writeValueAsString(new RequestPayload(eventId, RequestFulfilled.TYPE, iso(event.at()),
                event.requestId(), event.shareId()));
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
