package bartest.share;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test-only pieces of the share ITs (outside {@code app.bar}, so scanning never finds them):
 * <ul>
 *   <li>a clock that runs with real time plus an offset tests can move forward;</li>
 *   <li>a stand-in for sign-in until the accounts module is merged: a request with
 *       {@code X-Test-Account: <id>} is authenticated as that account, right after Spring
 *       Security's chain (as the accounts module's bearer filter will do).</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class ShareTestSupport {

    public static final String ACCOUNT_HEADER = "X-Test-Account";

    @Bean
    @Primary
    public MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    public RecordedShareEvents recordedShareEvents() {
        return new RecordedShareEvents();
    }

    /** Every share event published in this context, from any thread (server threads included). */
    public static final class RecordedShareEvents {
        private final java.util.Queue<app.bar.share.ShareEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @org.springframework.context.event.EventListener
        void on(app.bar.share.ShareEvent event) {
            events.add(event);
        }

        public <T extends app.bar.share.ShareEvent> java.util.stream.Stream<T> of(Class<T> type, String shareId) {
            return events.stream().filter(type::isInstance).map(type::cast).filter(e -> e.shareId().equals(shareId));
        }
    }

    @Bean
    public FilterRegistrationBean<TestAccountFilter> testAccountFilter() {
        FilterRegistrationBean<TestAccountFilter> registration = new FilterRegistrationBean<>(new TestAccountFilter());
        registration.setOrder(-99); // Spring Security is at -100; the body limit at 0, rate limits at 10
        return registration;
    }

    /** Real time plus an offset that tests move forward. */
    public static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    static final class TestAccountFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String account = request.getHeader(ACCOUNT_HEADER);
            if (account == null || account.isBlank()) {
                chain.doFilter(request, response);
                return;
            }
            var auth = UsernamePasswordAuthenticationToken.authenticated(account, null,
                    List.of(new SimpleGrantedAuthority("ROLE_USER")));
            var previous = SecurityContextHolder.getContext();
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
    }
}
