package app.bar.webhook;

/**
 * A webhook URL the SSRF guard will not deliver to. The reason is written for the client (a
 * 400's message) and never echoes the URL.
 */
final class TargetRefused extends Exception {

    static final String SHAPE = "must be an absolute http(s) URL with a host";
    static final String HTTPS = "must use https";
    static final String USER_INFO = "must not contain user info (user@host)";
    static final String FRAGMENT = "must not contain a fragment";
    static final String PORT = "must use a port between 1 and 65535";
    static final String LENGTH = "must be at most 2048 characters";
    /** One reason for unresolvable and internal hosts: the answer must not map the inside network. */
    static final String ADDRESS = "must be a host that resolves to public addresses only";

    private final String reason;

    TargetRefused(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
