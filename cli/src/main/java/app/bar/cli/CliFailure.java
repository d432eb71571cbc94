package app.bar.cli;

/**
 * A failure the user can act on: an exit code and one line for stderr that says what happened
 * and what to do. Never carries a secret.
 */
public final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    static CliFailure usage(String message) {
        return new CliFailure(Exit.USAGE, message);
    }

    static CliFailure failed(String message) {
        return new CliFailure(Exit.FAILED, message);
    }
}
