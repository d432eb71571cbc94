package app.bar.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The CORS allow-list ({@code bar.http.allowed-origins}) compared by canonical origin (ASVS
 * 3.4.2): lower-case scheme and host, the scheme's default port left out, nothing after the
 * port. The entries are made canonical at start-up, a request's {@code Origin} is made canonical
 * before it is looked up, and {@code Access-Control-Allow-Origin} answers with the allow-list's
 * own spelling, never with the request's. (Spring's {@code CorsConfiguration} compares ignoring
 * case and a trailing slash, but echoes whatever the request sent, and tells {@code :443} from
 * nothing.) Browsers send origins canonical already; the others are clients that spell them
 * as they like, and get nothing of theirs echoed.
 */
final class AllowedOrigins extends CorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AllowedOrigins.class);

    private final Set<String> canonical;

    private AllowedOrigins(Set<String> canonical) {
        this.canonical = canonical;
        setAllowedOrigins(List.copyOf(canonical));
    }

    /**
     * The configured origins, canonical; {@code *} and entries that are no origin (a path, user
     * info, a query) are left out with a warning (production refuses them before the start).
     */
    static AllowedOrigins of(List<String> configured) {
        Set<String> origins = new LinkedHashSet<>();
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            Optional<String> origin = canonical(configured.get(i));
            if (origin.isPresent()) {
                origins.add(origin.get());
            } else {
                dropped.add(i + 1);
            }
        }
        if (!dropped.isEmpty()) {
            log.warn("cors.origins_ignored entries={} (each must be scheme://host[:port], no wildcard or path)", dropped);
        }
        return new AllowedOrigins(origins);
    }

    /** The configured spelling of the request's origin when it is on the list, else null (refused). */
    @Override
    public @Nullable String checkOrigin(@Nullable String requestOrigin) {
        if (requestOrigin == null) {
            return null;
        }
        return canonical(requestOrigin).filter(canonical::contains).orElse(null);
    }

    boolean isEmpty() {
        return canonical.isEmpty();
    }

    /**
     * {@code scheme://host[:port]} with scheme and host in lower case and the scheme's default
     * port (80, 443) left out; a single trailing {@code /} is allowed, any other path, user info,
     * query or fragment is no origin (empty), and so is {@code null} or {@code *}.
     */
    static Optional<String> canonical(String origin) {
        String text = origin.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = "https".equals(scheme) || "http".equals(scheme);
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == ("https".equals(scheme) ? 443 : 80);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
