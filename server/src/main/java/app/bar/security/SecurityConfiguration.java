package app.bar.security;

import app.bar.platform.config.BarProperties;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one filter chain. Stateless (no HTTP session, no request cache, no form login); headers
 * on every response, errors included; CORS from the exact allow-list; 401/403 as problems.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // maintenance commands (rewrap) run without a web server and need no filter chain
class SecurityConfiguration {

    @Bean
    SecurityFilterChain barFilterChain(HttpSecurity http, BarProperties properties, ProblemAuthenticationHandlers problems,
            JsonMapper json) throws Exception {
        boolean hsts = properties.http().hsts();
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // No cookie authenticates a request yet, so there is nothing to forge; the
                // accounts module brings its signed double-submit token with its cookies.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(corsFilter(properties.http().allowedOrigins(), json), HeaderWriterFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY))
                        .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                        .crossOriginResourcePolicy(c -> c.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(s -> {
                            if (hsts) {
                                // TLS ends at the proxy, so the request here looks plain: send it always.
                                s.requestMatcher(AnyRequestMatcher.INSTANCE).includeSubDomains(true)
                                        .maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS);
                            } else {
                                s.disable();
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/account/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * The firewall refuses odd requests (encoded slashes, TRACE, ...) before any filter runs;
     * answering with {@code sendError} sends them through the error page, so they too get the
     * security headers and a problem body.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> response.sendError(
                isAllowedMethod(request.getMethod()) ? 400 : 405);
    }

    private static boolean isAllowedMethod(String method) {
        return List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH").contains(method);
    }

    private static CorsFilter corsFilter(List<String> allowedOrigins, JsonMapper json) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!allowedOrigins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(allowedOrigins.stream().map(String::strip).filter(o -> !o.equals("*")).toList());
            config.setAllowCredentials(true); // safe: exact origins only, '*' is dropped above and refused in production
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-CSRF-Token"));
            config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Content-Disposition"));
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        return filter;
    }
}
