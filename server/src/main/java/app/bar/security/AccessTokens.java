package app.bar.security;

import app.bar.platform.config.BarProperties;
import app.bar.platform.secrets.KeyRing;
import app.bar.platform.secrets.KeyRingSpec;
import app.bar.platform.secrets.StrongRandom;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies access JWTs with the key ring {@code BAR_JWT_KEYS}, through Spring
 * Security's Nimbus encoder and decoder: HS256 only (the algorithm is pinned in the key
 * selector, so {@code none} and every other algorithm fail), signed with the newest key and
 * verified with the key its {@code kid} names (a missing or unknown kid fails before any
 * signature work), keys only from configuration ({@code jku}/{@code jwk}/{@code x5u} are never
 * read), header {@code typ=at+jwt} and claim {@code token_use=access} required so no other
 * token passes as an access token, then {@code iss}, {@code aud}, {@code exp}/{@code nbf}/
 * {@code iat} with at most 30 s of skew (ASVS 9.1.1-9.2.3).
 */
@Service
public final class AccessTokens {

    static final String TYPE = "at+jwt";
    static final String TOKEN_USE = "token_use";
    static final String SESSION_ID = "sid";
    /** The session's token generation: new with every refresh; the session's CSRF token is bound to it. */
    static final String GENERATION = "gen";
    static final String ROLE = "role";
    private static final String EXPIRED = "bar_token_expired";

    private final KeyRing ring;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final String issuer;
    private final String audience;
    private final JwtProperties properties;
    private final Clock clock;

    AccessTokens(JwtProperties properties, BarProperties bar, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.ring = KeyRingSpec.parse(properties.keys(), KeyRingSpec.JWT_KEY_BYTES, 512);
        this.issuer = issuer(properties, bar);
        this.audience = properties.audience();
        KeyRing.Entry newest = ring.newest();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk(newest))));
        this.decoder = new NimbusJwtDecoder(processor(ring));
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                this::validateTimes,
                jwt -> require(issuer.equals(jwt.getClaimAsString(JwtClaimNames.ISS)), "iss"),
                jwt -> require(hasAudience(jwt, audience), "aud"),
                jwt -> require("access".equals(jwt.getClaimAsString(TOKEN_USE)), TOKEN_USE),
                jwt -> require(jwt.getSubject() != null && jwt.getClaimAsString(SESSION_ID) != null
                        && jwt.getClaimAsString(GENERATION) != null, "sub/sid/gen"))));
    }

    /**
     * {@code bar.jwt.issuer}, else the configured public URL, else (the embedded default, whose
     * public URL follows the bound port) the fixed {@code bar}.
     */
    static String issuer(JwtProperties properties, BarProperties bar) {
        if (!properties.issuer().isBlank()) {
            return properties.issuer();
        }
        return bar.publicUrl().isBlank() ? "bar" : bar.publicUrl();
    }

    /**
     * A new access token for the account's session, signed with the newest key of the ring.
     * {@code generation} names the session's current tokens (see {@link CsrfTokens}).
     */
    public AccessToken issue(String accountId, String sessionId, String generation, Role role) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(accountId)
                .claim(SESSION_ID, sessionId)
                .claim(GENERATION, generation)
                .id(randomId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .issuer(issuer)
                .audience(List.of(audience))
                .claim(ROLE, role.name())
                .claim(TOKEN_USE, "access")
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).keyId(ring.newest().kid()).type(TYPE).build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new AccessToken(jwt.getTokenValue(), expiresAt);
    }

    VerifiedAccessToken verify(String token) throws TokenRejected {
        requireKnownKid(token);
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream().anyMatch(err -> EXPIRED.equals(err.getErrorCode()));
            throw new TokenRejected(expired ? TokenRejected.Reason.EXPIRED : TokenRejected.Reason.INVALID);
        } catch (JwtException e) {
            throw new TokenRejected(TokenRejected.Reason.INVALID);
        }
        return new VerifiedAccessToken(jwt.getSubject(), jwt.getClaimAsString(SESSION_ID),
                jwt.getClaimAsString(GENERATION), Role.of(jwt.getClaimAsString(ROLE)));
    }

    /** The ring, for the CSRF key derivation (same secrets, separate purpose). */
    KeyRing ring() {
        return ring;
    }

    /** A JWS header naming HS256 and a kid of the ring, read before any signature work. */
    private void requireKnownKid(String token) throws TokenRejected {
        try {
            JWSHeader header = SignedJWT.parse(token).getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getKeyID() == null
                    || ring.find(header.getKeyID()).isEmpty()) {
                throw new TokenRejected(TokenRejected.Reason.INVALID);
            }
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejected(TokenRejected.Reason.INVALID); // "none", a plain or encrypted JWT, garbage
        }
    }

    private OAuth2TokenValidatorResult validateTimes(Jwt jwt) {
        Instant now = clock.instant();
        var skew = properties.clockSkew();
        Instant expiresAt = jwt.getExpiresAt();
        Instant issuedAt = jwt.getIssuedAt();
        Instant notBefore = jwt.getNotBefore();
        if (expiresAt == null || issuedAt == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "exp and iat are required", null));
        }
        if (now.isAfter(expiresAt.plus(skew))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(EXPIRED, "expired", null));
        }
        boolean notYet = notBefore != null && now.isBefore(notBefore.minus(skew));
        if (notYet || now.isBefore(issuedAt.minus(skew))) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not yet valid", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean hasAudience(Jwt jwt, String audience) {
        List<String> aud = jwt.getAudience();
        return aud != null && aud.contains(audience);
    }

    private static OAuth2TokenValidatorResult require(boolean ok, String claim) {
        return ok ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "bad " + claim, null));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(KeyRing ring) {
        List<com.nimbusds.jose.jwk.JWK> keys = ring.entries().stream().map(AccessTokens::jwk)
                .map(com.nimbusds.jose.jwk.JWK.class::cast).toList();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(keys))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // claims are checked by the Spring validators above, after the signature
        });
        return processor;
    }

    private static OctetSequenceKey jwk(KeyRing.Entry entry) {
        return new OctetSequenceKey.Builder(entry.secret().toByteArray())
                .keyID(entry.kid())
                .algorithm(JWSAlgorithm.HS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        StrongRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
