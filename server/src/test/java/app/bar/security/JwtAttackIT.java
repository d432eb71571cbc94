package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.Events;
import app.bar.platform.secrets.KeyRing;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Forged, tampered and misused access tokens (ASVS 9.1.1-9.2.3): each is refused with 401 and
 * a {@code token.invalid} or {@code token.expired} event.
 */
@BarIntegrationTest
class JwtAttackIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens accessTokens;
    TestHttp http;
    AccountFixtures fixtures;
    AccountFixtures.TestAccount account;
    String sessionId;
    String generation;

    @BeforeEach
    void setUp() throws Exception {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
        account = fixtures.anAccount().create();
        JWTClaimsSet issued = SignedJWT.parse(fixtures.login(account).access()).getJWTClaimsSet();
        sessionId = issued.getStringClaim("sid");
        generation = issued.getStringClaim("gen");
    }

    @Test
    void validTokenWhenSignedWithRingKeyThenAccepted() throws Exception {
        // the control: the builder below makes tokens the server accepts, so each refusal is the forgery's doing
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, claims -> { }, true))).isEqualTo(200);
    }

    @Test
    void tokenWhenAlgNoneThen401AndInvalidEvent() throws Exception {
        // ASVS 9.1.2: "none" is never accepted
        long before = Events.lastId(fixtures.jdbc());
        String none = new PlainJWT(claims(c -> { }).build()).serialize();
        assertThat(status(none)).isEqualTo(401);
        assertThat(Events.detailsSince(fixtures.jdbc(), "token.invalid", before)).isNotEmpty();
    }

    @Test
    void tokenWhenAlgNoneWithKidAndEmptySignatureThen401() throws Exception {
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + newest().kid() + "\",\"typ\":\"at+jwt\"}");
        String payload = b64(claims(c -> { }).build().toString());
        assertThat(status(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void tokenWhenPayloadTamperedThen401() throws Exception {
        // ASVS 9.1.1: the signature is checked before any claim is believed
        String real = sign(newest(), JWSAlgorithm.HS256, c -> { }, true);
        String[] parts = real.split("\\.");
        String adminPayload = b64(claims(c -> c.claim("role", "ADMIN")).build().toString());
        String tampered = parts[0] + "." + adminPayload + "." + parts[2];
        assertThat(status(tampered)).isEqualTo(401);
        assertThat(http.get("/api/admin/status", "Authorization", "Bearer " + tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWhenKidUnknownThen401() throws Exception {
        assertThat(status(sign(new KeyRing.Entry("not-in-ring", newest().secret()), JWSAlgorithm.HS256, c -> { }, true)))
                .isEqualTo(401);
    }

    @Test
    void tokenWhenKidMissingThen401() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
                claims(c -> { }).build());
        jwt.sign(new MACSigner(newest().secret().toByteArray()));
        assertThat(status(jwt.serialize())).isEqualTo(401);
    }

    @Test
    void tokenWhenSignedWithOtherKeyUnderKnownKidThen401() throws Exception {
        KeyRing.Entry other = new KeyRing.Entry(newest().kid(), app.bar.platform.secrets.SecretBytes.random(32));
        assertThat(status(sign(other, JWSAlgorithm.HS256, c -> { }, true))).isEqualTo(401);
    }

    @Test
    void tokenWhenOtherHmacAlgorithmWithRingKeyThen401() throws Exception {
        // ASVS 9.1.2: the algorithm is pinned, not taken from the header
        byte[] longKey = new byte[64];
        System.arraycopy(newest().secret().toByteArray(), 0, longKey, 0, 32);
        KeyRing.Entry entry = new KeyRing.Entry(newest().kid(), app.bar.platform.secrets.SecretBytes.copyOf(longKey));
        assertThat(status(sign(entry, JWSAlgorithm.HS512, c -> { }, true))).isEqualTo(401);
    }

    @Test
    void tokenWhenExpiredBeyondSkewThen401AndExpiredEvent() throws Exception {
        // ASVS 9.2.1: exp with at most 30 s of skew
        long before = Events.lastId(fixtures.jdbc());
        Instant past = Instant.now().minusSeconds(31);
        String expired = sign(newest(), JWSAlgorithm.HS256, c -> c.issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)), true);
        HttpResponse<String> response = http.get("/api/account", "Authorization", "Bearer " + expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("expired");
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("auth.token_expired");
        assertThat(Events.detailsSince(fixtures.jdbc(), "token.expired", before)).isNotEmpty();
    }

    @Test
    void tokenWhenExpiredWithinSkewThenAccepted() throws Exception {
        Instant past = Instant.now().minusSeconds(10);
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, c -> c.issueTime(Date.from(past.minusSeconds(900)))
                .expirationTime(Date.from(past)), true))).isEqualTo(200);
    }

    @Test
    void tokenWhenIssuerWrongThen401() throws Exception {
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, c -> c.issuer("https://evil.example"), true))).isEqualTo(401);
    }

    @Test
    void tokenWhenAudienceWrongThen401() throws Exception {
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, c -> c.audience("other-api"), true))).isEqualTo(401);
    }

    @Test
    void tokenWhenTokenUseIsNotAccessThen401() throws Exception {
        // ASVS 9.2.2: no other kind of token passes as an access token
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, c -> c.claim("token_use", "refresh"), true))).isEqualTo(401);
    }

    @Test
    void tokenWhenTypeHeaderIsPlainJwtThen401() throws Exception {
        assertThat(status(sign(newest(), JWSAlgorithm.HS256, c -> { }, false))).isEqualTo(401);
    }

    @Test
    void refreshTokenWhenUsedAsAccessTokenThen401() {
        AccountFixtures.Session session = fixtures.login(account);
        assertThat(http.get("/api/account", "Authorization", "Bearer " + session.refresh()).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/account", "Cookie", "bar_access=" + session.refresh()).statusCode()).isEqualTo(401);
    }

    @Test
    void forgedAccessCookieWhenOnOpenRouteThenRequestGoesOnAnonymously() {
        HttpResponse<String> response = http.postJson("/api/auth/logout", "", "Cookie", "bar_access=eyJhbGciOiJub25lIn0.e30.");
        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void shareManageTokenWhenSentAsBearerThenNeitherAuthenticatedNorRefused() {
        // bar_mt_ tokens belong to the share endpoints: the accounts filter leaves them alone
        String manageToken = "Bearer bar_mt_" + "A".repeat(43);
        assertThat(http.postJson("/api/auth/logout", "", "Authorization", manageToken).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/account", "Authorization", manageToken).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/shares/some-id", "Authorization", manageToken).statusCode()).isNotEqualTo(401);
    }

    private int status(String token) {
        return http.get("/api/account", "Authorization", "Bearer " + token).statusCode();
    }

    private KeyRing.Entry newest() {
        return accessTokens.ring().newest();
    }

    private JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(account.id())
                .claim("sid", sessionId)
                .claim("gen", generation)
                .jwtID("test-" + now.toEpochMilli())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .issuer("https://bar.example.test")
                .audience(List.of("bar-api"))
                .claim("role", "USER")
                .claim("token_use", "access");
        change.accept(builder);
        return builder;
    }

    private String sign(KeyRing.Entry key, JWSAlgorithm alg, Consumer<JWTClaimsSet.Builder> change, boolean accessType)
            throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(key.kid());
        if (accessType) {
            header.type(new JOSEObjectType("at+jwt"));
        } else {
            header.type(JOSEObjectType.JWT);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims(change).build());
        jwt.sign(new MACSigner(key.secret().toByteArray()));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
