package app.bar.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the stack trace of a refused start-up with the list of problems, values left out. */
final class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis(
                "BAR refused to start: " + cause.problems().size() + " configuration problem(s), listed above one per line.",
                "Set the variables as the README's configuration table describes; `java -jar bar-server.jar generate-keys` makes keys.",
                cause);
    }
}
