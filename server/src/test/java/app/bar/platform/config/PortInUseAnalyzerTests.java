package app.bar.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.mock.env.MockEnvironment;

/** Issue 13 item 13: a taken port is one readable sentence naming the variable that moves BAR. */
class PortInUseAnalyzerTests {

    private static FailureAnalysis analyze(MockEnvironment env, int port) {
        PortInUseException failure = new PortInUseException(port);
        return new PortInUseAnalyzer(env).analyze(new IllegalStateException("wrapped", failure));
    }

    @Test
    void analyzeWhenHttpPortTakenThenNamesThePortAndBarPort() {
        FailureAnalysis analysis = analyze(new MockEnvironment().withProperty("server.port", "8080"), 8080);
        assertThat(analysis.getDescription()).isEqualTo("Port 8080 is already in use (another program, or another BAR, listens on it).");
        assertThat(analysis.getAction()).isEqualTo("Stop that program, or start BAR on a free port: BAR_PORT=8081.");
    }

    @Test
    void analyzeWhenManagementPortTakenThenNamesBarManagementPort() {
        MockEnvironment env = new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "9090");
        assertThat(analyze(env, 9090).getAction()).contains("BAR_MANAGEMENT_PORT=9091");
    }

    @Test
    void analyzeWhenTakenThenOneLineEach() {
        FailureAnalysis analysis = analyze(new MockEnvironment(), 8081);
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).doesNotContain("\n").contains("BAR_PORT");
    }
}
