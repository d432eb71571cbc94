package app.bar.platform.cli;

/**
 * A maintenance command that needs the application (database, keys) but no HTTP server,
 * run as {@code java -jar bar-server.jar <name> [args]}. Modules contribute them as beans.
 */
public interface ContextCommand {

    String name();

    /** Runs the command; the result is the process exit code. */
    int run(String[] args);
}
