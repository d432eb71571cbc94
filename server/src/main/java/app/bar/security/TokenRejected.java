package app.bar.security;

/** Why a presented access token was refused; becomes {@code token.expired} or {@code token.invalid}. */
final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    enum Reason { EXPIRED, INVALID, REVOKED }

    private final Reason reason;

    TokenRejected(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
