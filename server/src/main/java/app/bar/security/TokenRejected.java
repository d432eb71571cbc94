package app.bar.security;

/**
 * Why a presented access token was refused: expired, not valid, or valid but its session has
 * ended (revoked, idle or past its absolute end).
 */
final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    enum Reason { EXPIRED, INVALID, SESSION_ENDED }

    private final Reason reason;

    TokenRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
