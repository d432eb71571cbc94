package bartest.probe;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * A careless debugging aid, test-only: logs every header and the whole body of each request.
 * The redaction layer must make even this harmless.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DiagnosticRequestLogger {

    private static final Logger log = LoggerFactory.getLogger("diagnostic");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> diagnosticFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingRequestWrapper wrapper = new ContentCachingRequestWrapper(request, 100_000);
                chain.doFilter(wrapper, response);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : Collections.list(request.getHeaderNames())) {
                    headers.put(name, request.getHeader(name));
                }
                log.info("diagnostic.request headers={} body={}", headers,
                        new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    log.info("diagnostic.header {}: {}", header.getKey(), header.getValue());
                }
            }
        });
        registration.setOrder(-1000);
        return registration;
    }
}
