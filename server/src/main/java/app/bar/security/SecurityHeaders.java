package app.bar.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The headers BAR sends on every response (DESIGN.md §4, ASVS 3.4), as Spring Security header
 * writers. The filter chain uses them for everything it sees; the few answers the chain never
 * sees (the firewall's refusals, Tomcat's own errors) apply the same list, so no response goes
 * out without them.
 */
final class SecurityHeaders {

    /**
     * Pages and their assets come from our origin only; no inline script or style anywhere, so
     * none is allowed. Blob frames and workers are for the zero-knowledge viewer.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self' blob:",
            "frame-src blob:",
            "form-action 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "autoplay=()", "browsing-topics=()", "camera=()", "display-capture=()",
            "geolocation=()", "gyroscope=()", "magnetometer=()", "microphone=()", "payment=()", "usb=()");

    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    private SecurityHeaders() {
    }

    /** The writers, HSTS included when {@code hsts} (production, where TLS ends at the proxy: sent always). */
    static List<HeaderWriter> writers(boolean hsts) {
        List<HeaderWriter> writers = new ArrayList<>();
        writers.add(new XContentTypeOptionsHeaderWriter());
        writers.add(new CacheControlHeadersWriter()); // only where the response set no cache policy itself
        writers.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));
        writers.add(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY));
        writers.add(new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER));
        writers.add(new PermissionsPolicyHeaderWriter(PERMISSIONS_POLICY));
        CrossOriginOpenerPolicyHeaderWriter opener = new CrossOriginOpenerPolicyHeaderWriter();
        opener.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
        writers.add(opener);
        CrossOriginResourcePolicyHeaderWriter resource = new CrossOriginResourcePolicyHeaderWriter();
        resource.setPolicy(CrossOriginResourcePolicy.SAME_ORIGIN);
        writers.add(resource);
        if (hsts) {
            HstsHeaderWriter writer = new HstsHeaderWriter(HSTS_MAX_AGE_SECONDS, true);
            writer.setRequestMatcher(AnyRequestMatcher.INSTANCE);
            writers.add(writer);
        }
        return List.copyOf(writers);
    }
}
