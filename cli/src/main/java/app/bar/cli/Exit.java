package app.bar.cli;

/** The exit codes of {@code bar}, documented in docs/cli.md; scripts switch on them. */
public final class Exit {

    /** Done. */
    public static final int OK = 0;
    /** Something went wrong that is a bug of {@code bar} (a stack trace says what). */
    public static final int BUG = 1;
    /** The command line is wrong, or the server refused the request as invalid: fix the input. */
    public static final int USAGE = 2;
    /** The share does not exist (any more): opened, expired, burned, or the link is wrong. */
    public static final int GONE = 3;
    /** A wrong password, access key, one-time code or API token. */
    public static final int DENIED = 4;
    /** Come back later: the share is locked, or the server asks to wait (rate limit, busy). */
    public static final int WAIT = 5;
    /** The network or the server failed, or the content did not decrypt. */
    public static final int FAILED = 6;
    /** A destruction receipt does not verify: altered, or not signed by the keys given. */
    public static final int INVALID = 7;

    private Exit() {
    }
}
