package app.bar.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A URL the SSRF guard accepted, with the addresses it checked. The delivery connects to these
 * addresses and no others: the host is never looked up a second time (DNS rebinding).
 *
 * @param host the host as the URI names it (brackets and a trailing dot removed, lower case)
 */
record WebhookTarget(URI uri, String host, List<InetAddress> addresses) {

    WebhookTarget {
        addresses = List.copyOf(addresses);
    }

    /** Whether {@code name}, as an HTTP client spells the URI's host, is this target's host. */
    boolean isHost(String name) {
        return normalize(name).equals(host);
    }

    static String normalize(String name) {
        String h = name.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
