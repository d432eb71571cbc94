package app.bar.platform.health;

/** One dependency {@code /readyz} asks about; modules contribute them as beans. */
public interface ReadinessCheck {

    /** A short name for the log when the check fails (never in the HTTP answer). */
    String name();

    boolean isReady();
}
