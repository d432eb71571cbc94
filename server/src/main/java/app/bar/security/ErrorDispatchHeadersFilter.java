package app.bar.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's HeaderWriterFilter skips error dispatches, and Tomcat drops the headers of
 * the failed request when it forwards to the error page; so errors raised with
 * {@code sendError} (by Tomcat or a library) get the security headers here.
 */
final class ErrorDispatchHeadersFilter extends OncePerRequestFilter {

    private final List<HeaderWriter> writers;

    ErrorDispatchHeadersFilter(List<HeaderWriter> writers) {
        this.writers = writers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        writers.forEach(w -> w.writeHeaders(request, response));
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
