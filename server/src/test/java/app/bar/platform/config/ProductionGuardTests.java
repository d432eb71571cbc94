package app.bar.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** DESIGN.md §3, ASVS 13.2.3: production refuses to start unsafe, naming variable and rule, never the value. */
class ProductionGuardTests {

    private static final String KEY = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    @Test
    void checkWhenProductionAndNothingSetThenEveryRequiredVariableNamed() {
        UnsafeConfigurationException e = catchThrowableOfType(UnsafeConfigurationException.class,
                () -> ProductionGuard.check(prod()));
        assertThat(String.join("\n", e.problems())).contains("BAR_DATABASE_URL", "BAR_REDIS_URL", "BAR_PUBLIC_URL",
                "BAR_ALLOWED_ORIGINS", "BAR_TRUSTED_PROXIES", "BAR_JWT_KEYS", "BAR_MASTER_KEYS", "BAR_RECEIPT_KEYS", "BAR_SMTP_HOST",
                "BAR_MAIL_FROM", "BAR_BLOB_DIR");
    }

    @Test
    void checkWhenProductionFullyConfiguredThenStarts() {
        ProductionGuard.check(valid());
    }

    @Test
    void checkWhenJwtSecretShortThenRuleNamedAndValueNotPrinted() {
        String shortSecret = Base64.getUrlEncoder().encodeToString("sixteen-byte-key".getBytes());
        MockEnvironment env = valid().withProperty("bar.jwt.keys", "k1:" + shortSecret);
        UnsafeConfigurationException e = catchThrowableOfType(UnsafeConfigurationException.class, () -> ProductionGuard.check(env));
        assertThat(e.problems()).containsExactly("variable=BAR_JWT_KEYS rule=\"entry 1 has a secret shorter than 32 bytes\"");
        assertThat(e.getMessage()).doesNotContain(shortSecret);
    }

    @Test
    void checkWhenMasterKeyNot32BytesThenRefused() {
        String key48 = Base64.getUrlEncoder().encodeToString(new byte[48]);
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.crypto.master-keys", "m:" + key48)))
                .hasMessageContaining("BAR_MASTER_KEYS").hasMessageContaining("longer than 32 bytes");
    }

    @Test
    void checkWhenWildcardOriginThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.http.allowed-origins", "*")))
                .hasMessageContaining("BAR_ALLOWED_ORIGINS").hasMessageContaining("wildcard");
    }

    @Test
    void checkWhenOriginHasPathOrHttpThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.http.allowed-origins", "http://bar.example.com")))
                .hasMessageContaining("exact https://host[:port] origin");
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.http.allowed-origins", "https://bar.example.com/app")))
                .hasMessageContaining("exact https://host[:port] origin");
    }

    @Test
    void checkWhenPublicUrlIsHttpThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.public-url", "http://bar.example.com")))
                .hasMessageContaining("BAR_PUBLIC_URL").hasMessageContaining("https://");
    }

    @Test
    void checkWhenTrustedProxiesTrustEveryoneThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.http.trusted-proxies", "0.0.0.0/0")))
                .hasMessageContaining("BAR_TRUSTED_PROXIES");
    }

    @Test
    void checkWhenExposeDetailsOrPrivateWebhooksThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.errors.expose-details", "true")))
                .hasMessageContaining("BAR_ERRORS_EXPOSE_DETAILS");
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.webhooks.allow-private-addresses", "true")))
                .hasMessageContaining("BAR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES");
    }

    @Test
    void checkWhenPlainHttpWebhooksAllowedThenRefused() {
        // ASVS 1.3.6/15.3.2: webhooks go to https only in production
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.webhooks.allow-http", "true")))
                .hasMessageContaining("BAR_WEBHOOKS_ALLOW_HTTP");
    }

    @Test
    void checkWhenEventListenersHeldThenRefused() {
        // the crash IT's switch: in production it would keep every webhook and module listener from running
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.events.hold-listeners", "true")))
                .hasMessageContaining("bar.events.hold-listeners").hasMessageContaining("must not be true in production");
    }

    @Test
    void checkWhenSmtpWithoutTlsThenRefused() {
        assertThatThrownBy(() -> ProductionGuard.check(valid().withProperty("bar.mail.smtp.tls", "none")))
                .hasMessageContaining("BAR_SMTP_TLS");
    }

    @Test
    void checkWhenUnknownProfileThenRefused() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("production");
        assertThatThrownBy(() -> ProductionGuard.check(env)).hasMessageContaining("BAR_PROFILE");
    }

    @Test
    void checkWhenEmbeddedDefaultThenNothingRequired() {
        ProductionGuard.check(new MockEnvironment());
    }

    private static MockEnvironment prod() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        return env;
    }

    private static MockEnvironment valid() {
        return prod()
                .withProperty("bar.database.url", "jdbc:postgresql://db.internal:5432/bar")
                .withProperty("bar.redis.url", "rediss://redis.internal:6379")
                .withProperty("bar.public-url", "https://bar.example.com")
                .withProperty("bar.http.allowed-origins", "https://bar.example.com")
                .withProperty("bar.http.trusted-proxies", "10.0.0.0/8")
                .withProperty("bar.jwt.keys", "j1:" + KEY)
                .withProperty("bar.crypto.master-keys", "m1:" + KEY)
                .withProperty("bar.receipts.keys", "r1:" + KEY)
                .withProperty("bar.mail.smtp.host", "smtp.example.com")
                .withProperty("bar.mail.smtp.tls", "starttls")
                .withProperty("bar.mail.from", "BAR <bar@example.com>")
                .withProperty("bar.storage.type", "filesystem")
                .withProperty("bar.storage.dir", "/srv/bar/blobs");
    }
}
