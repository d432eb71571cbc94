package app.bar.chat;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Origins compared canonically: lower-case scheme and host, the scheme's default port left out,
 * nothing after the port. A room's socket accepts only BAR's own origin ({@code BAR_PUBLIC_URL}).
 */
final class ChatOrigin {

    private ChatOrigin() {
    }

    /** The canonical origin of {@code url} (an origin or a URL), or null when it has none. */
    static @Nullable String canonical(@Nullable String url) {
        if (url == null || url.isBlank() || "null".equals(url)) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the handshake's {@code Origin} header is BAR's own origin. */
    static boolean isOwn(@Nullable String requestOrigin, String publicUrl) {
        String own = canonical(publicUrl);
        String theirs = canonical(requestOrigin);
        return own != null && own.equals(theirs);
    }
}
