package app.bar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the client address: {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}) count
 * only when the TCP peer is in {@code BAR_TRUSTED_PROXIES}; the list is walked from the right
 * and the first address that is not a trusted proxy is the client (ASVS 4.1.3).
 *
 * <p>Tomcat's RemoteIpValve would trust 127/8 and the private ranges by default and takes a
 * regular expression, not CIDRs; Spring's ForwardedHeaderFilter trusts every peer. So BAR
 * turns both off ({@code server.forward-headers-strategy: none}) and does this small walk by
 * hand, with Spring Security's {@link IpAddressMatcher} for the CIDR test.
 */
final class ClientIpFilter extends OncePerRequestFilter {

    private final List<IpAddressMatcher> trustedProxies;

    ClientIpFilter(List<String> trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : trustedProxies) {
            String p = proxy.strip();
            if (!p.isEmpty() && !p.equals("none")) {
                matchers.add(new IpAddressMatcher(p));
            }
        }
        this.trustedProxies = List.copyOf(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            request.setAttribute(ClientIp.ATTRIBUTE, peer);
            chain.doFilter(request, response);
            return;
        }
        String client = clientBehind(peer, request.getHeaders("X-Forwarded-For"));
        request.setAttribute(ClientIp.ATTRIBUTE, client);
        String proto = request.getHeader("X-Forwarded-Proto");
        boolean secure = proto == null ? request.isSecure() : proto.strip().equalsIgnoreCase("https");
        chain.doFilter(new ForwardedRequest(request, client, secure), response);
    }

    private String clientBehind(String peer, java.util.Enumeration<String> headers) {
        List<String> hops = new ArrayList<>();
        while (headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteralIp(hop)) {
                break; // garbage in the header: stop at the last address we could trust
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        for (IpAddressMatcher matcher : trustedProxies) {
            if (isLiteralIp(address) && matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** Digits, hex, dots and colons only, so the matcher never resolves a host name. */
    private static boolean isLiteralIp(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isDigit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return s.indexOf('.') > 0 || s.indexOf(':') >= 0;
    }

    private static final class ForwardedRequest extends HttpServletRequestWrapper {
        private final String client;
        private final boolean secure;

        ForwardedRequest(HttpServletRequest request, String client, boolean secure) {
            super(request);
            this.client = client;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : super.getScheme();
        }
    }
}
