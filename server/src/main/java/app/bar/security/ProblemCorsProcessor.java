package app.bar.security;

import app.bar.platform.error.ProblemWriter;
import app.bar.platform.error.Problems;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS check, with its plain-text "Invalid CORS request" replaced by a problem. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemWriter problems;

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, SecurityCodes.CORS_ORIGIN_DENIED,
                "This origin may not call the API."));
    }
}
