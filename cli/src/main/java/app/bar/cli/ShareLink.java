package app.bar.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A share link as the browser and the CLI make it: {@code <server>/s/<id>#<key>} (the link key,
 * base64url, only in the fragment), {@code <server>/s/<id>#manage=<token>} (the manage link), or
 * {@code <server>/s/<id>} alone (a split key, or a share the server encrypted).
 */
final class ShareLink {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final @Nullable URI server;
    private final String id;
    private final @Nullable String fragment;

    private ShareLink(@Nullable URI server, String id, @Nullable String fragment) {
        this.server = server;
        this.id = id;
        this.fragment = fragment;
    }

    /** A link, or (for owners' commands) a bare share id. */
    static ShareLink parse(String text) {
        String value = text.strip();
        if (value.matches(ID)) {
            return new ShareLink(null, value, null);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw CliFailure.usage("not a share link: expected https://SERVER/s/ID#KEY");
        }
        String path = uri.getRawPath();
        int at = path == null ? -1 : path.lastIndexOf("/s/");
        if (uri.getScheme() == null || uri.getHost() == null || at < 0 || !path.substring(at + 3).matches(ID)
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw CliFailure.usage("not a share link: expected https://SERVER/s/ID#KEY");
        }
        URI server = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, at));
        String fragment = uri.getRawFragment();
        return new ShareLink(server, path.substring(at + 3), fragment == null || fragment.isEmpty() ? null : fragment);
    }

    /** The server the link points at; null for a bare id. */
    @Nullable URI server() {
        return server;
    }

    String id() {
        return id;
    }

    /** The manage token of a manage link ({@code #manage=bar_mt_...}), else null. */
    @Nullable String manageToken() {
        return fragment != null && fragment.startsWith("manage=") ? fragment.substring("manage=".length()) : null;
    }

    boolean hasKey() {
        return fragment != null && manageToken() == null;
    }

    /** The link key in the fragment; a usage failure when it is damaged. */
    byte[] key() {
        if (!hasKey()) {
            throw new IllegalStateException("no key in this link");
        }
        return decodeKey(fragment, "the key after the # in the link is damaged: ask the sender for the whole link");
    }

    /** A 32-byte link key in base64url; a usage failure with {@code message} otherwise. */
    static byte[] decodeKey(String text, String message) {
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(message);
        }
        if (key.length != app.bar.format.ShareKeys.LINK_KEY_BYTES) {
            throw CliFailure.usage(message);
        }
        return key;
    }

    static String encodeKey(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    @Override
    public String toString() {
        return "ShareLink[" + id + "]"; // never the fragment
    }
}
