package app.bar.account;

import app.bar.platform.web.PublicUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The configured providers as Spring Security client registrations. Each is built from its
 * issuer's discovery document ({@code /.well-known/openid-configuration}: endpoints, keys,
 * client authentication) the first time someone signs in with it, and kept; a provider that
 * cannot be reached then is asked again at the next attempt, so BAR starts while a provider is
 * down. The redirect URI is built from {@code bar.public-url}, never from a request's {@code Host}.
 * PKCE is required for every provider (confidential clients included, RFC 9700 §2.1.1).
 */
@Component
class OidcProviders {

    private static final Logger log = LoggerFactory.getLogger(OidcProviders.class);
    static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
    static final String CALLBACK_PATH = "/login/oauth2/code/";

    private final OidcProperties properties;
    private final PublicUrl publicUrl;
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    OidcProviders(OidcProperties properties, PublicUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    boolean any() {
        return !properties.providers().isEmpty();
    }

    /** The sign-in buttons: id, text and where each starts. */
    List<Button> buttons() {
        return properties.providers().entrySet().stream()
                .map(e -> new Button(e.getKey(), e.getValue().name(e.getKey()), AUTHORIZATION_PATH + e.getKey()))
                .toList();
    }

    record Button(String id, String name, String url) {
    }

    /** The registration of {@code id}, or null for an unknown id or a provider that cannot be reached now. */
    @Nullable ClientRegistration registration(String id) {
        OidcProperties.Provider provider = properties.provider(id);
        if (provider == null) {
            return null;
        }
        ClientRegistration known = registrations.get(id);
        if (known != null) {
            return known;
        }
        try {
            ClientRegistration built = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                    .registrationId(id)
                    .clientId(provider.clientId())
                    .clientSecret(provider.clientSecret())
                    .scope(provider.scopes())
                    .clientName(provider.name(id))
                    .redirectUri(publicUrl.resolve(CALLBACK_PATH + id))
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
            registrations.putIfAbsent(id, built);
            return built;
        } catch (RuntimeException e) {
            log.warn("oidc.discovery_failed provider={} error={}", id, e.getClass().getSimpleName());
            return null;
        }
    }
}
