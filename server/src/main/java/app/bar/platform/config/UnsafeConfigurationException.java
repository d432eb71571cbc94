package app.bar.platform.config;

import java.util.List;

/** Start-up refused: the configuration breaks rules. The message names variables and rules, never values. */
public final class UnsafeConfigurationException extends RuntimeException {

    private final List<String> problems;

    public UnsafeConfigurationException(List<String> problems) {
        super(problems.size() + " configuration problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
