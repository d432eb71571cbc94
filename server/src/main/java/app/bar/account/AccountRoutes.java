package app.bar.account;

import static app.bar.platform.ratelimit.RateLimit.perCaller;
import static app.bar.platform.ratelimit.RateLimit.standard;
import static app.bar.platform.web.RoutePolicy.anyMethod;
import static app.bar.platform.web.RoutePolicy.route;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import app.bar.platform.ratelimit.RatePolicy;
import app.bar.platform.web.Access;
import app.bar.platform.web.RoutePolicies;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policies of {@code /api/auth/*} and {@code /api/account/**} (DESIGN.md §4): sign-in,
 * registration and the forgotten-password mail have their own per-IP limits, re-authentication a
 * per-account one like sign-in's, the second sign-in step and a code's confirmation one of their own; the anonymous endpoints never act with a session's authority
 * (no CSRF token); the account is managed with a session, and read with an API token that has
 * {@code account:read}.
 */
@Configuration(proxyBeanMethods = false)
class AccountRoutes {

    @Bean
    RoutePolicies accountRoutePolicies(Limits limits) {
        return RoutePolicies.of(
                route(POST, "/api/auth/register", Access.anyone(), perCaller("register", limits.register())).sessionless(),
                route(POST, "/api/auth/verify-email", Access.anyone(), standard()).sessionless(),
                route(POST, "/api/auth/login", Access.anyone(), perCaller("login", limits.login())).sessionless(),
                route(POST, "/api/auth/forgot-password", Access.anyone(),
                        perCaller("forgot-password", limits.forgotPassword())).sessionless(),
                route(POST, "/api/auth/reset-password", Access.anyone(), standard()).sessionless(),
                route(GET, "/api/auth/providers", Access.anyone(), standard()),
                // the link cookie and the account's password are the proof; limited like sign-in
                route(POST, "/api/auth/oidc/link", Access.anyone(), perCaller("login", limits.login())).sessionless(),
                // authenticated by the refresh cookie alone: they check the CSRF token themselves
                route(POST, "/api/auth/refresh", Access.anyone(), standard()),
                route(POST, "/api/auth/logout", Access.anyone(), standard()),
                route(POST, "/api/auth/reauthenticate", Access.session(),
                        perCaller("reauthenticate", limits.reauthenticate())),
                // the second sign-in step: the challenge token is its only credential
                route(POST, "/api/auth/mfa", Access.anyone(), perCaller("mfa", limits.mfa())).sessionless(),
                route(POST, "/api/auth/mfa/enrolment", Access.anyone(), perCaller("mfa", limits.mfa())).sessionless(),
                route(POST, "/api/auth/mfa/enrolment/confirm", Access.anyone(), perCaller("mfa", limits.mfa()))
                        .sessionless(),
                route(POST, "/api/auth/passkey/options", Access.anyone(), perCaller("mfa", limits.mfa())).sessionless(),
                route(POST, "/api/auth/passkey", Access.anyone(), perCaller("mfa", limits.mfa())).sessionless(),
                route(POST, "/api/account/mfa/totp/confirm", Access.session(), perCaller("mfa", limits.mfa())),
                route(GET, "/api/account", Access.scope("account:read"), standard()),
                anyMethod("/api/account/**", Access.session(), standard()));
    }

    /**
     * The account module's rate-limit policies, {@code bar.rate-limits.*} like the platform's own
     * ({@code BAR_RATELIMITS_LOGIN=10/1m}); each applies per client IP, or per account where the
     * request is signed in.
     */
    @ConfigurationProperties("bar.rate-limits")
    record Limits(
            @DefaultValue("5/1m") RatePolicy login,
            @DefaultValue("3/1h") RatePolicy register,
            @DefaultValue("3/1h") RatePolicy forgotPassword,
            @DefaultValue("5/1m") RatePolicy reauthenticate,
            @DefaultValue("10/1m") RatePolicy mfa) {
    }
}
