package app.bar.cli;

/**
 * Which standard streams are terminals. Java 17 cannot tell for one stream, so the launcher
 * (bin/bar) tests them with {@code [ -t N ]} and passes {@code -Dbar.tty=012} (the digits of
 * the terminals); without the launcher, a JVM with a console is taken to have all three.
 */
public record Terminal(boolean stdin, boolean stdout, boolean stderr) {

    public static final Terminal NONE = new Terminal(false, false, false);

    static Terminal detect() {
        String flags = System.getProperty("bar.tty");
        if (flags == null) {
            boolean console = System.console() != null;
            return new Terminal(console, console, console);
        }
        return new Terminal(flags.contains("0"), flags.contains("1"), flags.contains("2"));
    }

    /** Whether a person can be asked (stdin or stderr on a terminal: prompts go through /dev/tty). */
    boolean interactive() {
        return stdin || stderr;
    }
}
