package app.bar.share.request;

/**
 * The problem codes of requests for a secret (see {@code docs/errors.md}). A request that never
 * existed, has expired, was answered or withdrawn answers {@code resource.not_found}, one body for all.
 */
public final class RequestCodes {

    /** 401: the request has a password and none, or a wrong one, was sent; {@code attemptsLeft} says how many remain. */
    public static final String PASSWORD_WRONG = "request.password_wrong";
    /** 413: the answer is larger than the request's {@code maxBytes}. */
    public static final String TOO_LARGE = "request.too_large";

    private RequestCodes() {
    }
}
