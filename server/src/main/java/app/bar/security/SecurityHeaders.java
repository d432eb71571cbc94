package app.bar.security;

/** The header values BAR sends on every response (DESIGN.md §4, ASVS 3.4). */
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
}
