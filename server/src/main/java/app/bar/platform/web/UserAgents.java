package app.bar.platform.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The browser family of a User-Agent for the owner's access log: a coarse name, never the
 * whole string (which fingerprints a person). Order matters: Edge and Opera also say Chrome,
 * Chrome also says Safari.
 */
public final class UserAgents {

    private UserAgents() {
    }

    public static String of(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("edg/") || ua.contains("edge/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("firefox/")) {
            return "Firefox";
        }
        if (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) {
            return "Chrome";
        }
        if (ua.contains("safari/")) {
            return "Safari";
        }
        if (ua.startsWith("curl/")) {
            return "curl";
        }
        if (ua.startsWith("wget/")) {
            return "Wget";
        }
        if (ua.contains("java-http-client") || ua.startsWith("java/")) {
            return "Java";
        }
        if (ua.startsWith("bar-cli")) {
            return "BAR CLI";
        }
        return "other";
    }
}
