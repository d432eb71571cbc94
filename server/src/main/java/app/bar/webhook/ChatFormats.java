package app.bar.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord and Slack incoming webhooks expect their own message shape: {@code {"content": …}} and
 * {@code {"text": …}}. For their URLs the payload becomes one short line for people; every other
 * URL gets the JSON payload as it is. Values go in backticks, so markdown cannot mangle
 * {@code 203.0.***.***} or an id with underscores.
 */
@Component
class ChatFormats {

    enum Shape { JSON, DISCORD, SLACK }

    private static final Set<String> DISCORD_HOSTS = Set.of("discord.com", "discordapp.com", "ptb.discord.com",
            "canary.discord.com");

    private final JsonMapper json;

    ChatFormats(JsonMapper json) {
        this.json = json;
    }

    static Shape shapeOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Shape.JSON;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || !scheme.equalsIgnoreCase("https")) {
            return Shape.JSON;
        }
        String h = WebhookTarget.normalize(host);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (DISCORD_HOSTS.contains(h) && path.startsWith("/api/webhooks/")) {
            return Shape.DISCORD;
        }
        if (h.equals("hooks.slack.com")) {
            return Shape.SLACK;
        }
        return Shape.JSON;
    }

    /** The body to post to {@code url} for a stored payload. */
    byte[] body(String url, String payload) {
        Shape shape = shapeOf(url);
        if (shape == Shape.JSON) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }
        String line = line(json.readTree(payload));
        Map<String, String> message = Map.of(shape == Shape.DISCORD ? "content" : "text", line);
        return json.writeValueAsBytes(message);
    }

    /** One line for people: what happened to which share, and from where. */
    static String line(JsonNode p) {
        String share = "share `" + text(p, "shareId") + "`";
        String what = switch (text(p, "type")) {
            case "share.accessed" -> share + " was opened" + viewsLeft(p);
            case "share.password_failed" -> "wrong password for " + share + " (" + text(p, "failedAttempts")
                    + " in a row)";
            case "share.locked" -> share + " is locked until `" + text(p, "lockedUntil")
                    + "` after too many wrong passwords";
            case "share.destroyed" -> share + " was destroyed (" + reason(text(p, "reason")) + ")";
            case "share.expired" -> share + " expired and was destroyed";
            case "share.tamper_detected" -> "tampering detected on " + share + "; it was quarantined";
            case "request.fulfilled" -> "request `" + text(p, "requestId") + "` was answered: " + share;
            default -> share + ": " + text(p, "type");
        };
        String ip = text(p, "ip");
        String browser = text(p, "browser");
        String from = ip.isEmpty() ? "" : " from `" + ip + "`" + (browser.isEmpty() ? "" : " (" + browser + ")");
        return "BAR: " + what + from + ".";
    }

    private static String viewsLeft(JsonNode p) {
        JsonNode left = p.get("viewsLeft");
        if (left == null || left.isNull()) {
            return "";
        }
        int n = left.asInt();
        return " (" + n + (n == 1 ? " view" : " views") + " left)";
    }

    private static String reason(String reason) {
        return switch (reason) {
            case "views_used" -> "its last view was used";
            case "burned_by_owner" -> "burned by its owner";
            case "burned_by_admin" -> "burned by an administrator";
            case "failed_attempts" -> "too many wrong passwords";
            case "tamper" -> "its content was tampered with";
            case "upload_abandoned" -> "its upload never completed";
            default -> reason.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? "" : v.asString();
    }
}
