package app.bar.platform.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Coarse names from a {@code User-Agent}: the browser family for a share's access log and
 * webhooks ({@code Chrome}), and "Chrome on iOS" for a user to recognise a session. Never the
 * whole string or a version, which fingerprint a person. A parser library (ua-parser, Yauaa)
 * would be a large dependency, with a regex database to keep current, for two labels.
 *
 * <p>Order matters: Edge and Opera also say Chrome, Chrome also says Safari, and on iOS every
 * browser is Safari's engine and says Safari, naming itself only by its own token ({@code CriOS},
 * {@code FxiOS}, {@code EdgiOS}, {@code OPiOS}).
 */
public final class UserAgents {

    /** The families that name themselves by a token anywhere in the string, most specific first. */
    private static final List<Browser> BROWSERS =
            List.of(Browser.EDGE, Browser.OPERA, Browser.FIREFOX, Browser.CHROME, Browser.SAFARI);

    private UserAgents() {
    }

    /** A browser (or client program) family; {@link #label} is what the access log stores. */
    private enum Browser {
        EDGE("Edge", "edg/", "edge/", "edga/", "edgios/"),
        OPERA("Opera", "opr/", "opera", "opios/"),
        FIREFOX("Firefox", "firefox/", "fxios/"),
        CHROME("Chrome", "chrome/", "chromium/", "crios/"),
        SAFARI("Safari", "safari/"),
        CURL("curl"),
        WGET("Wget"),
        JAVA("Java"),
        BAR_CLI("BAR CLI"),
        OTHER("other"),
        UNKNOWN("unknown");

        private final String label;
        private final String[] tokens;

        Browser(String label, String... tokens) {
            this.label = label;
            this.tokens = tokens;
        }

        String label() {
            return label;
        }

        private boolean namedIn(String ua) {
            for (String token : tokens) {
                if (ua.contains(token)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The browser family of a User-Agent: {@code Chrome}, {@code curl}, {@code other}, {@code unknown} (none sent). */
    public static String browser(@Nullable String userAgent) {
        return browserOf(userAgent).label();
    }

    /** "Firefox on Linux", "Chrome on iOS", "Java client on unknown system", or "Unknown device". */
    public static String device(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        Browser browser = browserOf(userAgent);
        String client = switch (browser) {
            case JAVA -> "Java client";
            case OTHER -> "Other client";
            default -> browser.label();
        };
        return client + " on " + system(userAgent.toLowerCase(Locale.ROOT));
    }

    private static Browser browserOf(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Browser.UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (Browser b : BROWSERS) {
            if (b.namedIn(ua)) {
                return b;
            }
        }
        if (ua.startsWith("curl/")) {
            return Browser.CURL;
        }
        if (ua.startsWith("wget/")) {
            return Browser.WGET;
        }
        if (ua.contains("java-http-client") || ua.startsWith("java/")) {
            return Browser.JAVA;
        }
        if (ua.startsWith("bar-cli")) {
            return Browser.BAR_CLI;
        }
        return Browser.OTHER;
    }

    /** Mobile systems first: Android says Linux, iOS says "like Mac OS X". */
    private static String system(String ua) {
        if (ua.contains("android")) {
            return "Android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "iOS";
        }
        if (ua.contains("windows")) {
            return "Windows";
        }
        if (ua.contains(" cros ")) {
            return "ChromeOS";
        }
        if (ua.contains("mac os x") || ua.contains("macintosh")) {
            return "macOS";
        }
        if (ua.contains("linux")) {
            return "Linux";
        }
        return "unknown system";
    }
}
