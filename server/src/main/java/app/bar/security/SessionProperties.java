package app.bar.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser session plumbing ({@code bar.sessions.*}).
 *
 * @param cookiePrefixHost name cookies {@code __Host-...} (and the path-scoped refresh cookie
 *     {@code __Secure-...}); on in production, where the site is served over https
 * @param revocationCacheTtl how long a node may trust its last look at a session; at most 5 s,
 *     so a revoked session's access tokens die on every node within that time
 */
@ConfigurationProperties("bar.sessions")
@Validated
public record SessionProperties(
        @DefaultValue("false") boolean cookiePrefixHost,
        @DefaultValue("4s") @NotNull Duration revocationCacheTtl) {

    public SessionProperties {
        if (revocationCacheTtl.isNegative() || revocationCacheTtl.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("bar.sessions.revocation-cache-ttl must be between 0s and 5s");
        }
    }
}
