package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.config.BarProperties;
import app.bar.platform.secrets.KeyRingSpec;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AccessTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String OLD = KeyRingSpec.generateEntry("old", 32);
    private static final String NEW = KeyRingSpec.generateEntry("new", 32);

    @Test
    void issueWhenCalledThenHs256WithNewestKidTypeAndAllClaims() throws Exception {
        AccessToken token = tokens(NEW + "," + OLD, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.ADMIN);
        SignedJWT jwt = SignedJWT.parse(token.value());

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(NEW.substring(0, NEW.indexOf(':')));
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsKeys("sub", "sid", "gen", "jti", "iat", "exp", "iss", "aud",
                "role", "token_use");
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void verifyWhenSignedWithOlderKeyStillInRingThenAccepted() throws Exception {
        // rotation: tokens signed before the new key was put first stay valid
        String oldToken = tokens(OLD, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.USER).value();
        VerifiedAccessToken verified = tokens(NEW + "," + OLD, Clock.fixed(NOW, ZoneOffset.UTC)).verify(oldToken);
        assertThat(verified.accountId()).isEqualTo("acc");
        assertThat(verified.sessionId()).isEqualTo("sid");
        assertThat(verified.generation()).isEqualTo("gen-1");
    }

    @Test
    void verifyWhenKeyRemovedFromRingThenInvalid() {
        String oldToken = tokens(OLD, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.USER).value();
        assertThatThrownBy(() -> tokens(NEW, Clock.fixed(NOW, ZoneOffset.UTC)).verify(oldToken))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    @Test
    void verifyWhenPastExpiryPlusSkewThenExpired() {
        String token = tokens(NEW, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.USER).value();
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(15)).plusSeconds(31), ZoneOffset.UTC);
        assertThatThrownBy(() -> tokens(NEW, later).verify(token))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.EXPIRED));
    }

    @Test
    void verifyWhenWithinSkewAfterExpiryThenAccepted() throws Exception {
        String token = tokens(NEW, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.USER).value();
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(15)).plusSeconds(29), ZoneOffset.UTC);
        assertThat(tokens(NEW, later).verify(token).role()).isEqualTo(Role.USER);
    }

    @Test
    void verifyWhenIssuedInTheFutureBeyondSkewThenInvalid() {
        String token = tokens(NEW, Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC)).issue("acc", "sid", "gen-1", Role.USER).value();
        assertThatThrownBy(() -> tokens(NEW, Clock.fixed(NOW, ZoneOffset.UTC)).verify(token))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.INVALID));
    }

    @Test
    void constructWhenSkewOver30SecondsThenRefused() {
        assertThatThrownBy(() -> new JwtProperties(NEW, "", "bar-api", Duration.ofMinutes(15), Duration.ofSeconds(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30s");
    }

    @Test
    void issuerWhenNoneSetAndPublicUrlFollowsThePortThenFixedName() {
        // issue 13 item 12: the embedded default's public URL is only known once the port is bound
        JwtProperties jwt = new JwtProperties(NEW, "", "bar-api", Duration.ofMinutes(15), Duration.ofSeconds(30));
        BarProperties embedded = new BarProperties(Path.of("data"), "", bar().database(), bar().redis(), bar().http(),
                bar().errors());
        assertThat(AccessTokens.issuer(jwt, embedded)).isEqualTo("bar");
        assertThat(AccessTokens.issuer(jwt, bar())).isEqualTo("https://bar.example.test");
    }

    static AccessTokens tokens(String ring, Clock clock) {
        JwtProperties jwt = new JwtProperties(ring, "", "bar-api", Duration.ofMinutes(15), Duration.ofSeconds(30));
        return new AccessTokens(jwt, bar(), clock);
    }

    static BarProperties bar() {
        return new BarProperties(Path.of("data"), "https://bar.example.test",
                new BarProperties.Database("jdbc:h2:mem:x", "", ""), new BarProperties.Redis("", "bar"),
                new BarProperties.Http(List.of(), List.of(), DataSize.ofKilobytes(64), false),
                new BarProperties.Errors(false));
    }
}
