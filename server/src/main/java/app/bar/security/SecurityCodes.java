package app.bar.security;

/** The security module's problem codes (see {@code docs/errors.md}). */
final class SecurityCodes {

    /** The bearer access token has expired: refresh the session, or sign in. */
    static final String TOKEN_EXPIRED = "auth.token_expired";
    /** The bearer credential (access token or personal API token) is not valid, revoked or unknown. */
    static final String TOKEN_INVALID = "auth.token_invalid";
    /**
     * The access token is genuine but its session has ended: signed out, revoked, idle (no refresh
     * within the idle timeout) or past its absolute end. The accounts module answers a refresh of an
     * ended session with the same code: either way, sign in again.
     */
    static final String SESSION_ENDED = "auth.session_ended";
    /** A cookie-authenticated change without a valid CSRF token. */
    static final String CSRF_INVALID = "csrf.invalid";
    /** A cross-origin request from an origin that is not on the allow-list. */
    static final String CORS_ORIGIN_DENIED = "cors.origin_denied";

    private SecurityCodes() {
    }
}
