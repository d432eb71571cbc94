package app.bar.cli;

import app.bar.format.RequestKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The links of a request for a secret (docs/zero-knowledge-format.md, "Requests"), as the
 * browser makes them: the request link {@code <server>/r/<id>#<base64url(P_R)>} for the person
 * asked, and the open link {@code <server>/r/<id>/open#<base64url(d_R || P_R)>} the requester
 * keeps; or a bare request id (for the requester's commands).
 */
final class RequestLink {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String FORM = "expected https://SERVER/r/ID#KEY (the request link) or https://SERVER/r/ID/open#KEY (the open link)";

    private final @Nullable URI server;
    private final String id;
    private final boolean open;
    private final @Nullable String fragment;

    private RequestLink(@Nullable URI server, String id, boolean open, @Nullable String fragment) {
        this.server = server;
        this.id = id;
        this.open = open;
        this.fragment = fragment;
    }

    static RequestLink parse(String text) {
        String value = text.strip();
        if (value.matches(ID)) {
            return new RequestLink(null, value, false, null);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw CliFailure.usage("not a request link: " + FORM);
        }
        String path = uri.getRawPath();
        int at = path == null ? -1 : path.lastIndexOf("/r/");
        String rest = at < 0 ? "" : path.substring(at + 3);
        boolean open = rest.endsWith("/open");
        String id = open ? rest.substring(0, rest.length() - "/open".length()) : rest;
        if (uri.getScheme() == null || uri.getHost() == null || !id.matches(ID)
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw CliFailure.usage("not a request link: " + FORM);
        }
        URI server = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, at));
        String fragment = uri.getRawFragment();
        return new RequestLink(server, id, open, fragment == null || fragment.isEmpty() ? null : fragment);
    }

    /** The request link and the open link of request {@code url} (the server's {@code /r/<id>}) for a key pair (d || P). */
    static String[] links(String url, byte[] keyPair) {
        byte[] publicKey = java.util.Arrays.copyOfRange(keyPair, RequestKeys.PRIVATE_KEY_BYTES, keyPair.length);
        return new String[] {url + "#" + encode(publicKey), url + "/open#" + encode(keyPair)};
    }

    @Nullable URI server() {
        return server;
    }

    String id() {
        return id;
    }

    /** The requester's public key of a request link (65 bytes); a usage failure for an open link or a damaged key. */
    byte[] requesterPublic() {
        if (open) {
            throw CliFailure.usage("this is the open link (it opens the answer, bar request open): "
                    + "give the request link, https://SERVER/r/ID#KEY");
        }
        return decode(RequestKeys.PUBLIC_KEY_BYTES, "the key after the # in the request link is missing or damaged: "
                + "ask the requester for the whole link");
    }

    /** The key pair of an open link, d || P (97 bytes); a usage failure for a request link or a damaged key. */
    byte[] openKey() {
        if (!open) {
            throw CliFailure.usage("this is the request link (for the person asked): give the open link, https://SERVER/r/ID/open#KEY");
        }
        return decode(RequestKeys.PRIVATE_KEY_BYTES + RequestKeys.PUBLIC_KEY_BYTES,
                "the key after the # in the open link is missing or damaged: copy the whole open link again");
    }

    private byte[] decode(int length, String message) {
        if (fragment == null) {
            throw CliFailure.usage(message);
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(fragment);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(message);
        }
        if (key.length != length || key[length - RequestKeys.PUBLIC_KEY_BYTES] != 4) {
            throw CliFailure.usage(message);
        }
        return key;
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "RequestLink[" + id + "]"; // never the fragment
    }
}
