package app.bar.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access tokens ({@code bar.jwt.*}). {@code keys} is the ring {@code BAR_JWT_KEYS}
 * ({@code kid:base64url-secret,...}, newest first, secrets of at least 32 bytes); blank on the
 * embedded default, where development keys are generated into {@code data/keys}.
 *
 * @param issuer the {@code iss} claim written and required; blank means {@code bar.public-url}, or {@code bar} when that is empty too
 * @param audience the {@code aud} claim written and required
 * @param accessTokenTtl how long an access token lives (15 minutes)
 * @param clockSkew leeway for {@code exp}/{@code nbf}/{@code iat}; at most 30 s (ASVS 9.2.1)
 */
@ConfigurationProperties("bar.jwt")
@Validated
public record JwtProperties(
        @NotBlank String keys,
        @DefaultValue("") String issuer,
        @DefaultValue("bar-api") @NotBlank String audience,
        @DefaultValue(DEFAULT_ACCESS_TOKEN_TTL) @NotNull Duration accessTokenTtl,
        @DefaultValue("30s") @NotNull Duration clockSkew) {

    /** The default of {@code bar.jwt.access-token-ttl}, for checks that read the raw setting. */
    public static final String DEFAULT_ACCESS_TOKEN_TTL = "15m";

    public JwtProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("bar.jwt.clock-skew must be between 0s and 30s");
        }
        if (accessTokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("bar.jwt.access-token-ttl must be between 1m and 1h");
        }
    }

    @Override
    public String toString() {
        return "JwtProperties[keys hidden, audience=" + audience + ", accessTokenTtl=" + accessTokenTtl + "]";
    }
}
