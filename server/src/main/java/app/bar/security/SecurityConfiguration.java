package app.bar.security;

import app.bar.audit.SecurityEvents;
import app.bar.platform.config.BarProperties;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.web.RouteTable;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The one filter chain. Stateless (no HTTP session, no request cache, no form login); headers
 * on every response, errors included; CORS from the exact allow-list; access JWTs and personal
 * API tokens authenticate ({@link TokenAuthenticationFilter}); cookie-authenticated changes need
 * the signed CSRF token ({@link CsrfProtectionFilter}); each route is authorized by the access its
 * module declared ({@link RouteAuthorization}); 401/403 as problems.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // maintenance commands (rewrap) run without a web server and need no filter chain
class SecurityConfiguration {

    @Bean
    SecurityFilterChain barFilterChain(HttpSecurity http, BarProperties properties, ProblemAuthenticationHandlers problems,
            AccessTokens tokens, SessionRevocations revocations, ApiTokenAuthenticator apiTokens,
            SessionCookies cookies, CsrfTokens csrf, SecurityEvents events, ProblemWriter writer, RouteTable routes,
            ObjectProvider<FilterChainContribution> contributions) throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // Spring's CSRF support is the naive double submit and stateful; BAR's signed,
                // session-bound token is checked by CsrfProtectionFilter instead.
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(new TokenAuthenticationFilter(tokens, revocations, apiTokens, cookies, events, writer),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfProtectionFilter(csrf, routes, writer), TokenAuthenticationFilter.class)
                .addFilterAfter(corsFilter(properties.http().allowedOrigins(), writer), HeaderWriterFilter.class)
                .headers(h -> {
                    h.defaultsDisabled();
                    SecurityHeaders.writers(properties.http().hsts()).forEach(h::addHeaderWriter);
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // each module declares who may call its routes (RoutePolicy); undeclared paths are open
                        // and end in the 404 problem
                        .anyRequest().access(new RouteAuthorization(routes)));
        for (FilterChainContribution contribution : contributions.orderedStream().toList()) {
            contribution.contribute(http);
        }
        return http.build();
    }

    /**
     * No Micrometer observation around every security filter: it costs a few percent of each
     * request and BAR records what matters as security events and the access log.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    FilterRegistrationBean<ErrorDispatchHeadersFilter> errorDispatchHeadersFilter(BarProperties properties) {
        FilterRegistrationBean<ErrorDispatchHeadersFilter> registration = new FilterRegistrationBean<>(
                new ErrorDispatchHeadersFilter(SecurityHeaders.writers(properties.http().hsts())));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    private static CorsFilter corsFilter(List<String> allowedOrigins, ProblemWriter problems) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        AllowedOrigins config = AllowedOrigins.of(allowedOrigins);
        if (!config.isEmpty()) {
            config.setAllowCredentials(true); // safe: exact origins only, '*' is dropped and refused in production
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Content-Type", "Authorization", "X-CSRF-Token"));
            config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Content-Disposition", "BAR-Views-Left",
                    "BAR-Burn-Token"));
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }
}
