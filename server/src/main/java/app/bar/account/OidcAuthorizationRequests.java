package app.bar.account;

import app.bar.crypto.MasterKeySeal;
import app.bar.crypto.SealedSecret;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the authorization request (state, nonce, PKCE verifier, redirect URI) between the
 * redirect to the provider and its answer in a cookie of the browser that started it, sealed
 * under the master key ring (AES-256-GCM, {@link MasterKeySeal}): BAR keeps no HTTP session, and
 * the answer may reach another node. Hand-written glue, because Spring Security ships only the
 * HTTP-session repository; the checks stay Spring's (it compares {@code state} and the redirect
 * URI again and checks the nonce in the ID token).
 *
 * <p>The cookie is {@code HttpOnly; Secure; SameSite=Lax} (the provider's answer is a cross-site
 * top-level navigation, which carries Lax cookies and not Strict ones), lives 10 minutes and is
 * cleared when the answer arrives; it opens only for the {@code state} the answer carries
 * (compared in constant time), so a tampered or replayed {@code state} finds no request.
 * JSON, not Java serialization: nothing from the cookie reaches an object stream.
 */
final class OidcAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    private static final Logger log = LoggerFactory.getLogger(OidcAuthorizationRequests.class);
    static final Duration TTL = Duration.ofMinutes(10);
    private static final String PURPOSE = "oidc-authorization-request";

    private final String cookieName;
    private final MasterKeySeal seal;
    private final JsonMapper json;
    private final Clock clock;

    OidcAuthorizationRequests(boolean hostPrefix, MasterKeySeal seal, JsonMapper json, Clock clock) {
        this.cookieName = (hostPrefix ? "__Host-" : "") + "bar_oidc";
        this.seal = seal;
        this.json = json;
        this.clock = clock;
    }

    /** What the cookie holds: the request's parts as strings, and when it stops being accepted. */
    record Stored(String authorizationUri, String clientId, String redirectUri, List<String> scopes, String state,
            Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri,
            long expiresAtEpochSecond) {
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String value = read(request);
        if (state == null || value == null) {
            return null;
        }
        Stored stored = open(value);
        if (stored == null || clock.instant().getEpochSecond() >= stored.expiresAtEpochSecond()
                || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                        stored.state().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(stored.authorizationUri())
                .clientId(stored.clientId())
                .redirectUri(stored.redirectUri())
                .scopes(new java.util.LinkedHashSet<>(stored.scopes()))
                .state(stored.state())
                .additionalParameters(new LinkedHashMap<>(stored.additionalParameters()))
                .attributes(new LinkedHashMap<>(stored.attributes()))
                .authorizationRequestUri(stored.authorizationRequestUri())
                .build();
    }

    @Override
    public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
            HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(response, "", Duration.ZERO);
            return;
        }
        Stored stored = new Stored(authorizationRequest.getAuthorizationUri(), authorizationRequest.getClientId(),
                authorizationRequest.getRedirectUri(), List.copyOf(authorizationRequest.getScopes()),
                authorizationRequest.getState(), strings(authorizationRequest.getAdditionalParameters()),
                strings(authorizationRequest.getAttributes()), authorizationRequest.getAuthorizationRequestUri(),
                clock.instant().plus(TTL).getEpochSecond());
        SealedSecret sealed = seal.seal(PURPOSE, json.writeValueAsBytes(stored));
        write(response, sealed.kid() + "." + sealed.value(), TTL);
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (read(request) != null) {
            write(response, "", Duration.ZERO);
        }
        return found;
    }

    private @Nullable Stored open(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            byte[] plain = seal.open(PURPOSE, new SealedSecret(value.substring(0, dot), value.substring(dot + 1)));
            return json.readValue(plain, Stored.class);
        } catch (RuntimeException e) {
            // tampered, sealed under a key that left the ring, or not ours: as if there were none
            log.info("oidc.request_cookie_refused reason={}", e.getClass().getSimpleName());
            return null;
        }
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    private @Nullable String read(HttpServletRequest request) {
        return cookie(request, cookieName);
    }

    /** The value of the cookie {@code name}, or null when it is missing or empty. */
    static @Nullable String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private void write(HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookieName, value).path("/").secure(true)
                .httpOnly(true).sameSite("Lax").maxAge(maxAge).build().toString());
    }
}
