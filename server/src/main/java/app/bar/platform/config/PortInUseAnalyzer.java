package app.bar.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * A port another program holds: one line that says which port and which variable moves BAR
 * elsewhere (issue 13 item 13), instead of Spring Boot's generic advice to "configure this
 * application to listen on another port".
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PortInUseAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    private final Environment environment;

    PortInUseAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        boolean management = Integer.toString(port).equals(environment.getProperty("management.server.port"))
                && !Integer.toString(port).equals(environment.getProperty("server.port"));
        String variable = management ? "BAR_MANAGEMENT_PORT" : "BAR_PORT";
        return new FailureAnalysis("Port " + port + " is already in use (another program, or another BAR, listens on it).",
                "Stop that program, or start BAR on a free port: " + variable + "=" + suggestion(port) + ".", cause);
    }

    private static int suggestion(int port) {
        return port < 65535 ? port + 1 : 8080;
    }
}
