package app.bar.platform.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start as log lines a person can read. Spring Boot's own reporter writes one
 * message with a banner and blank lines, which BAR's logging (every line through the redactor,
 * CR/LF escaped, JSON in production) turns into one line of literal {@code \n}s; its logger is
 * switched off in {@code logback-spring.xml}. Here each line of the analysis is its own log line:
 * usually just one, {@code bar.start_failed <description> <action>}.
 */
final class OneLineFailureAnalysisReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("bar");

    @Override
    public void report(FailureAnalysis analysis) {
        String given = analysis.getAction();
        String action = given == null ? "" : given.strip().replaceAll("\\s*\\R\\s*", " ");
        String[] description = String.valueOf(analysis.getDescription()).strip().split("\\R");
        for (int i = 0; i < description.length; i++) {
            boolean last = i == description.length - 1;
            log.error("bar.start_failed {}{}", description[i].strip(), last && !action.isEmpty() ? " " + action : "");
        }
    }
}
