package app.bar.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on ({@code bar.oidc.*}): any number of OpenID Connect providers under
 * {@code bar.oidc.providers.<id>.*}; the README's settings table explains each. The id appears in
 * the sign-in and callback URLs ({@code /oauth2/authorization/<id>}, {@code /login/oauth2/code/<id>})
 * and in the account's link to the provider, so it is short and URL-safe and should not change.
 */
@ConfigurationProperties("bar.oidc")
public record OidcProperties(@DefaultValue Map<String, Provider> providers) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public OidcProperties {
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
        providers.keySet().forEach(id -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("bar.oidc.providers.<id>: an id is 1-32 of a-z, 0-9 and '-'");
            }
        });
    }

    /**
     * One provider.
     *
     * @param issuerUri the issuer; its {@code /.well-known/openid-configuration} gives the endpoints and keys
     * @param scopes asked for; {@code openid} is always among them
     * @param displayName the sign-in button's text ("Sign in with …"); the id when empty
     * @param allowedEmailDomains when not empty, only addresses of these domains may sign in
     * @param groupsClaim the ID-token or user-info claim that lists the user's groups
     * @param allowedGroups when not empty, only members of one of these groups may sign in
     * @param adminGroups when not empty, members of one of these are admins and everyone else is
     *     not: the role follows the groups at every sign-in
     */
    public record Provider(
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
            @DefaultValue("") String displayName,
            @DefaultValue List<String> allowedEmailDomains,
            @DefaultValue("groups") String groupsClaim,
            @DefaultValue List<String> allowedGroups,
            @DefaultValue List<String> adminGroups) {

        public Provider {
            scopes = scopes.contains("openid") ? List.copyOf(scopes)
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
            allowedEmailDomains = allowedEmailDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                    .filter(d -> !d.isEmpty()).toList();
            allowedGroups = List.copyOf(allowedGroups);
            adminGroups = List.copyOf(adminGroups);
        }

        String name(String id) {
            return displayName.isBlank() ? id : displayName;
        }

        @Override
        public String toString() {
            return "Provider[issuer=" + issuerUri + ", clientId=" + clientId + "]"; // never the secret
        }
    }

    @Nullable Provider provider(String id) {
        return providers.get(id);
    }
}
