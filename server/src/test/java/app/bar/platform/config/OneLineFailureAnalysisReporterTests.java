package app.bar.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 13 item 13: a failed start is reported as log lines a person reads, each on its own line. */
@ExtendWith(OutputCaptureExtension.class)
class OneLineFailureAnalysisReporterTests {

    @Test
    void reportWhenOneLineAnalysisThenOneLineWithItsAction(CapturedOutput output) {
        new OneLineFailureAnalysisReporter().report(new FailureAnalysis("Port 8080 is already in use.",
                "Start BAR on a free port: BAR_PORT=8081.", null));
        assertThat(output.getOut().lines().filter(l -> l.contains("bar.start_failed")))
                .singleElement().asString().endsWith("bar.start_failed Port 8080 is already in use. Start BAR on a free port: BAR_PORT=8081.");
    }

    @Test
    void reportWhenDescriptionHasSeveralLinesThenOneLogLineEachAndTheActionLast(CapturedOutput output) {
        new OneLineFailureAnalysisReporter().report(new FailureAnalysis("Invalid configuration under 'bar':\n  publicUrl: bad",
                "Correct the setting.", null));
        assertThat(output.getOut().lines().filter(l -> l.contains("bar.start_failed")).toList()).hasSize(2)
                .satisfiesExactly(first -> assertThat(first).endsWith("bar.start_failed Invalid configuration under 'bar':"),
                        second -> assertThat(second).endsWith("bar.start_failed publicUrl: bad Correct the setting."));
    }
}
