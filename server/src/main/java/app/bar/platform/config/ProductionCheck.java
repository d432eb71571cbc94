package app.bar.platform.config;

import java.util.List;

/**
 * A module's rules for production ({@code BAR_PROFILE=prod}, DESIGN.md §3): which of its settings
 * must be present, well formed and safe, and which key rings it reads. Each module owns its
 * settings' names and rules; {@link ProductionGuard} runs every check and refuses to start with
 * one line per problem, naming the variable and the rule, never the value.
 *
 * <p>Registered in {@code META-INF/spring.factories} under this interface's name, not as a bean:
 * the checks run on the raw {@code Environment} as soon as it is prepared, before the application
 * context exists, so a bad configuration stops the start before any bean opens a database, runs a
 * migration or creates a directory. An implementation has a no-argument constructor and may be
 * package-private.
 */
public interface ProductionCheck {

    /** Reports each rule the production settings break through {@code settings}. */
    default void check(ProductionSettings settings) {
    }

    /**
     * Reports settings that cannot work together on any start, the embedded default included
     * (the same one-line report, before the context starts).
     */
    default void checkEverywhere(ProductionSettings settings) {
    }

    /**
     * The key rings the module reads: production demands each one well formed; on the embedded
     * default a missing one is generated once under {@code <data-dir>/keys}; {@code generate-keys}
     * prints a fresh entry for each.
     */
    default List<KeyRingSetting> keyRings() {
        return List.of();
    }
}
