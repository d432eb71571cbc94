package app.bar.account;

import app.bar.platform.SqlTime;
import app.bar.platform.web.PublicUrl;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): a BAR session that a provider
 * signed in, where the provider's discovery document offers an {@code end_session_endpoint},
 * remembers that provider and the ID token it answered; signing that session out then sends the
 * browser on to the provider's endpoint with {@code id_token_hint}, {@code client_id} and
 * {@code post_logout_redirect_uri} (BAR's sign-in page, built from {@code bar.public-url}), so the
 * provider's own session ends too. What Spring Security's {@code OidcClientInitiatedLogoutSuccessHandler}
 * does for an {@code OidcUser} in an HTTP session, for BAR's own session. The ID token is no
 * credential at BAR (BAR never accepts one); it is deleted when the session signs out, and with
 * the session row.
 */
@Service
class OidcLogout {

    static final String END_SESSION_ENDPOINT = "end_session_endpoint";
    static final String AFTER_LOGOUT_PATH = "/login";

    private final JdbcClient jdbc;
    private final OidcProviders providers;
    private final PublicUrl publicUrl;
    private final Clock clock;

    OidcLogout(JdbcClient jdbc, OidcProviders providers, PublicUrl publicUrl, Clock clock) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Remembers the provider's sign-in of {@code sessionId}, when the provider offers logout. */
    void remember(String sessionId, String providerId, String idToken) {
        if (endSessionEndpoint(providers.registration(providerId)) == null) {
            return;
        }
        jdbc.sql("insert into oidc_sessions (session_id, provider, id_token, created_at) values (:session, :provider, :token, :at)")
                .param("session", sessionId).param("provider", providerId).param("token", idToken)
                .param("at", SqlTime.of(clock.instant())).update();
    }

    /**
     * Where the browser goes to end the provider's session of {@code sessionId} (which is signing
     * out now), or empty for a session no provider with logout signed in. Forgets the session's ID token.
     */
    Optional<String> endSessionUrl(String sessionId) {
        record Row(String provider, String idToken) {
        }
        Optional<Row> row = jdbc.sql("select provider, id_token from oidc_sessions where session_id = :session")
                .param("session", sessionId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("delete from oidc_sessions where session_id = :session").param("session", sessionId).update();
        ClientRegistration registration = providers.registration(row.get().provider());
        String endpoint = endSessionEndpoint(registration);
        if (registration == null || endpoint == null) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUriString(endpoint)
                .queryParam("id_token_hint", row.get().idToken())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", publicUrl.resolve(AFTER_LOGOUT_PATH))
                .encode().build().toUriString());
    }

    private static @Nullable String endSessionEndpoint(@Nullable ClientRegistration registration) {
        Object endpoint = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get(END_SESSION_ENDPOINT);
        return endpoint instanceof String url && url.startsWith("http") ? url : null;
    }
}
