package app.bar.platform.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * What a {@link ProductionCheck} reads (the raw settings) and where it reports a broken rule.
 * A problem is a variable and a rule; the value is never part of it, so it never reaches a log.
 */
public final class ProductionSettings {

    private final Environment env;
    private final List<String> problems = new ArrayList<>();

    ProductionSettings(Environment env) {
        this.env = env;
    }

    /** The raw value of {@code key}, {@code ""} when unset. */
    public String value(String key) {
        String v = env.getProperty(key);
        return v == null ? "" : v;
    }

    /**
     * The settings under {@code prefix} bound as {@code type} (a module's properties record, for
     * rules over named entries such as a map of providers); empty when nothing is set there or it
     * does not bind (the context's own binding then names the problem).
     */
    public <T> java.util.Optional<T> bind(String prefix, Class<T> type) {
        try {
            org.springframework.boot.context.properties.bind.BindResult<T> result =
                    org.springframework.boot.context.properties.bind.Binder.get(env).bind(prefix, type);
            return result.isBound() ? java.util.Optional.of(result.get()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code variable} breaks {@code rule} (written for the operator; never include the value). */
    public void problem(String variable, String rule) {
        String line = "variable=" + variable + " rule=\"" + rule + "\"";
        if (!problems.contains(line)) {
            problems.add(line);
        }
    }

    /** {@code variable} (property {@code key}) must be set. */
    public void require(String variable, String key) {
        if (value(key).isBlank()) {
            problem(variable, "is missing");
        }
    }

    /** {@code variable} (property {@code key}) must not be {@code true}: a development aid production refuses. */
    public void refuseTrue(String variable, String key) {
        if (Boolean.parseBoolean(value(key).strip())) {
            problem(variable, "must not be true in production");
        }
    }

    List<String> problems() {
        return problems;
    }
}
