package app.bar.security;

import app.bar.platform.config.BarProperties;
import app.bar.platform.web.RefusalHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/** The same {@link SecurityHeaders} the filter chain writes, for the platform's early refusals. */
@Component
final class SecurityHeaderRefusals implements RefusalHeaders {

    private final List<HeaderWriter> writers;

    SecurityHeaderRefusals(BarProperties properties) {
        this.writers = SecurityHeaders.writers(properties.http().hsts());
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response) {
        writers.forEach(w -> w.writeHeaders(request, response));
    }
}
