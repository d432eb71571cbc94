package app.bar.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard (ASVS 1.3.6/13.2.4/15.3.2), run when a webhook is set and again before every
 * delivery: an absolute http(s) URL ({@code https} only unless {@code allowHttp}), no user info,
 * no fragment, a host that {@link java.net.URI} accepts; IPv4 spellings read as browsers read them
 * ({@link Ipv4Literal}); the host resolved once; and every address it resolves to outside the
 * forbidden ranges ({@link AddressRanges}). The checked addresses travel on in the
 * {@link WebhookTarget}, and the delivery connects to them only.
 *
 * <p>{@code allowPrivateAddresses} switches the address ranges off (tests deliver to a receiver
 * on 127.0.0.1); production refuses it.
 */
final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;

    private final HostResolver resolver;
    private final boolean allowHttp;
    private final boolean allowPrivateAddresses;

    WebhookTargets(HostResolver resolver, boolean allowHttp, boolean allowPrivateAddresses) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    WebhookTarget check(String url) throws TargetRefused {
        URI uri = parse(url);
        String host = WebhookTarget.normalize(uri.getHost());
        List<InetAddress> addresses = addressesOf(uri.getHost(), host);
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                if (AddressRanges.isForbidden(address)) {
                    throw new TargetRefused(TargetRefused.ADDRESS);
                }
            }
        }
        return new WebhookTarget(uri, host, addresses);
    }

    /** The URL's shape only (scheme, user info, fragment, host syntax, port): no lookup. */
    void checkShape(String url) throws TargetRefused {
        parse(url);
    }

    private URI parse(String url) throws TargetRefused {
        if (url.length() > MAX_URL_LENGTH) {
            throw new TargetRefused(TargetRefused.LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new TargetRefused(TargetRefused.SHAPE);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new TargetRefused(TargetRefused.SHAPE);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new TargetRefused(TargetRefused.SHAPE);
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new TargetRefused(TargetRefused.HTTPS);
        }
        // user@host, and '@' anywhere in the authority (java.net.URI reads the last one; others may not)
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().indexOf('@') >= 0) {
            throw new TargetRefused(TargetRefused.USER_INFO);
        }
        if (uri.getRawFragment() != null) {
            throw new TargetRefused(TargetRefused.FRAGMENT);
        }
        // null for whatever is not a plain host name or address literal: percent-encoding,
        // underscores, "127.1", "0x7f.1", "127.0.0.1." (URI reads those as registry names)
        if (uri.getHost() == null || uri.getRawAuthority().indexOf('%') >= 0) {
            throw new TargetRefused(TargetRefused.SHAPE);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new TargetRefused(TargetRefused.PORT);
        }
        return uri;
    }

    private List<InetAddress> addressesOf(String rawHost, String host) throws TargetRefused {
        if (rawHost.startsWith("[")) {
            return List.of(ipv6Literal(host));
        }
        Ipv4Literal.Parsed parsed = Ipv4Literal.parse(host);
        try {
            if (parsed.kind() == Ipv4Literal.Kind.ADDRESS) {
                return List.of(InetAddress.getByAddress(parsed.address())); // no lookup for a literal
            }
            if (parsed.kind() == Ipv4Literal.Kind.INVALID) {
                throw new TargetRefused(TargetRefused.SHAPE);
            }
            InetAddress[] resolved = resolver.resolve(host);
            if (resolved == null || resolved.length == 0) {
                throw new TargetRefused(TargetRefused.ADDRESS);
            }
            return Arrays.asList(resolved);
        } catch (UnknownHostException e) {
            throw new TargetRefused(TargetRefused.ADDRESS);
        }
    }

    /**
     * An IPv6 literal, kept as IPv6: {@code InetAddress} would turn {@code ::ffff:127.0.0.1} into
     * the IPv4 address, and the mapped range is refused as such.
     */
    private static InetAddress ipv6Literal(String literal) throws TargetRefused {
        try {
            InetAddress parsed = InetAddress.getByName(literal); // a literal with ':' is parsed, never looked up
            if (!(parsed instanceof Inet4Address)) {
                return parsed;
            }
            byte[] v4 = parsed.getAddress();
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(v4, 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new TargetRefused(TargetRefused.SHAPE);
        }
    }
}
