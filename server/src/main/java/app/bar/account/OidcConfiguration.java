package app.bar.account;

import app.bar.crypto.MasterKeySeal;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.UserAgents;
import app.bar.security.FilterChainContribution;
import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on in the one filter chain: Spring Security's {@code oauth2Login} (authorization
 * code with PKCE, {@code state} and {@code nonce}, the ID token's signature, issuer, audience and
 * expiry), with the authorization request kept in a sealed cookie ({@link OidcAuthorizationRequests})
 * and no authorized client kept at all (BAR needs the provider's answer once, not its tokens).
 * The provider's answer ends in {@link OidcSignIn}; the browser then holds a BAR session, the same
 * cookies as a password sign-in, and nothing else: no HTTP session. Nothing is added to the chain
 * while no provider is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OidcConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OidcConfiguration.class);
    static final String LINK_COOKIE = "bar_oidc_link";
    static final String LINK_PATH = "/api/auth/oidc/link";

    @Bean
    FilterChainContribution oidcLogin(OidcProviders providers, OidcSignIn signIn, OidcLogout logout, SessionCookies cookies,
            MasterKeySeal seal, JsonMapper json, Clock clock,
            @Value("${bar.sessions.cookie-prefix-host:false}") boolean hostPrefix) {
        return http -> {
            if (!providers.any()) {
                return;
            }
            Handlers handlers = new Handlers(signIn, logout, cookies, clock, hostPrefix);
            http.oauth2Login(o -> o
                    .loginPage("/login") // BAR's own page, not Spring's generated one
                    .clientRegistrationRepository(providers::registration)
                    .authorizedClientRepository(NO_AUTHORIZED_CLIENTS)
                    .authorizationEndpoint(a -> a.authorizationRequestRepository(
                            new OidcAuthorizationRequests(hostPrefix, seal, json, clock)))
                    .successHandler(handlers::succeeded)
                    .failureHandler(handlers::failed));
        };
    }

    /** The link cookie's name: {@code __Secure-} in production (its path is not {@code /}, so not {@code __Host-}). */
    static String linkCookieName(boolean hostPrefix) {
        return (hostPrefix ? "__Secure-" : "") + LINK_COOKIE;
    }

    /** BAR keeps none of the provider's tokens: it signs the person in once and forgets them. */
    private static final OAuth2AuthorizedClientRepository NO_AUTHORIZED_CLIENTS = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // nothing kept
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
            // nothing kept
        }
    };

    /** The end of the provider's round trip: a session and the dashboard, the link step, or a refusal on the sign-in page. */
    private record Handlers(OidcSignIn signIn, OidcLogout logout, SessionCookies cookies, Clock clock, boolean hostPrefix) {

        /** Spring's error codes of a failed answer that BAR names to the person and in {@code oidc.refused}. */
        private static final Map<String, String> RULES = Map.of(
                "authorization_request_not_found", "state",
                "invalid_state_parameter", "state",
                "invalid_redirect_uri_parameter", "state",
                "access_denied", "provider_denied",
                "invalid_id_token", "id_token",
                "invalid_nonce", "id_token");

        /** Spring Security's redirects (paths of this server only: the dashboard and the sign-in page). */
        private static final RedirectStrategy REDIRECTS = new DefaultRedirectStrategy();

        void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException {
            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
            String providerId = token.getAuthorizedClientRegistrationId();
            if (!(token.getPrincipal() instanceof OidcUser user)) {
                signIn.refuse(providerId, null, "protocol");
                REDIRECTS.sendRedirect(request, response, page("protocol", providerId));
                return;
            }
            OidcProperties.Provider provider = signIn.provider(providerId);
            OidcSignIn.Claims claims = new OidcSignIn.Claims(user.getSubject(), user.getEmail(),
                    Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName(),
                    OidcSignIn.groups(provider == null ? null : user.getClaims().get(provider.groupsClaim())));
            OidcSignIn.Outcome outcome = signIn.signIn(providerId, claims,
                    UserAgents.device(request.getHeader(HttpHeaders.USER_AGENT)), ClientIp.redacted(request));
            if (outcome instanceof OidcSignIn.Outcome.SignedIn signedIn) {
                IssuedSession session = signedIn.session();
                logout.remember(session.sessionId(), providerId, user.getIdToken().getTokenValue());
                cookies.write(response, session.accessToken(), session.refreshToken(), session.csrfToken(),
                        session.persistentUntil(), clock.instant());
                REDIRECTS.sendRedirect(request, response, "/dashboard");
            } else if (outcome instanceof OidcSignIn.Outcome.LinkRequired link) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(linkCookieName(hostPrefix), link.token())
                        .path(LINK_PATH).secure(true).httpOnly(true).sameSite("Strict")
                        .maxAge(OidcSignIn.LINK_TTL).build().toString());
                REDIRECTS.sendRedirect(request, response, page("link", providerId));
            } else {
                REDIRECTS.sendRedirect(request, response, page(((OidcSignIn.Outcome.Refused) outcome).rule(), providerId));
            }
        }

        void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
                throws IOException {
            String error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
            String rule = RULES.getOrDefault(error, "protocol");
            String providerId = providerOf(request);
            signIn.refuse(providerId, null, rule);
            log.info("oidc.failed provider={} rule={} error={}", providerId, rule,
                    RULES.containsKey(error) ? error : "other");
            REDIRECTS.sendRedirect(request, response, page(rule, providerId));
        }

        /** The provider id of the callback path ({@code /login/oauth2/code/<id>}), only when it is a configured one. */
        private String providerOf(HttpServletRequest request) {
            String uri = request.getRequestURI();
            int at = uri.indexOf(OidcProviders.CALLBACK_PATH);
            String id = at < 0 ? "" : uri.substring(at + OidcProviders.CALLBACK_PATH.length());
            return signIn.provider(id) == null ? "unknown" : id;
        }

        private static String page(String rule, String providerId) {
            return UriComponentsBuilder.fromPath("/login").queryParam("sso", rule).queryParam("provider", providerId)
                    .build().encode().toUriString();
        }
    }
}
