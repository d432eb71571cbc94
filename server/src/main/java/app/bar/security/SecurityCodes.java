package app.bar.security;

/** The security module's problem codes (see {@code docs/errors.md}). */
final class SecurityCodes {

    /** The bearer access token has expired: refresh the session, or sign in. */
    static final String TOKEN_EXPIRED = "auth.token_expired";
    /** The bearer credential (access token or personal API token) is not valid, revoked or unknown. */
    static final String TOKEN_INVALID = "auth.token_invalid";
    /** A cookie-authenticated change without a valid CSRF token. */
    static final String CSRF_INVALID = "csrf.invalid";
    /** A cross-origin request from an origin that is not on the allow-list. */
    static final String CORS_ORIGIN_DENIED = "cors.origin_denied";

    private SecurityCodes() {
    }
}
