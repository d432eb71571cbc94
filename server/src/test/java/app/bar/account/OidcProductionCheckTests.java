package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.bar.platform.config.ProductionGuard;
import app.bar.platform.config.UnsafeConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Issue 16 item 2: production refuses a provider BAR would trust over plain http, or without its client credentials. */
class OidcProductionCheckTests {

    private static List<String> oidcProblems(MockEnvironment env) {
        env.setActiveProfiles("prod");
        UnsafeConfigurationException e = catchThrowableOfType(UnsafeConfigurationException.class,
                () -> ProductionGuard.check(env));
        return e == null ? List.of() : e.problems().stream().map(Object::toString).filter(p -> p.contains("BAR_OIDC")).toList();
    }

    @Test
    void checkWhenIssuerIsHttpThenRefusedNamingTheVariableNotTheValue() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("bar.oidc.providers.corp.issuer-uri", "http://sso.example.com/realms/a")
                .withProperty("bar.oidc.providers.corp.client-id", "bar")
                .withProperty("bar.oidc.providers.corp.client-secret", "s3cret-value");

        assertThat(oidcProblems(env)).singleElement().asString()
                .contains("variable=BAR_OIDC_PROVIDERS_CORP_ISSUERURI").contains("https://")
                .doesNotContain("sso.example.com");
    }

    @Test
    void checkWhenClientSecretMissingThenRefused() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("bar.oidc.providers.entra-id.issuer-uri", "https://login.example.com/t/v2.0")
                .withProperty("bar.oidc.providers.entra-id.client-id", "bar");

        assertThat(oidcProblems(env)).singleElement().asString().contains("BAR_OIDC_PROVIDERS_ENTRA_ID_CLIENTSECRET");
    }

    @Test
    void checkWhenHttpsIssuerAndCredentialsThenNoProblem() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("bar.oidc.providers.corp.issuer-uri", "https://sso.example.com/realms/a")
                .withProperty("bar.oidc.providers.corp.client-id", "bar")
                .withProperty("bar.oidc.providers.corp.client-secret", "s3cret-value");

        assertThat(oidcProblems(env)).isEmpty();
    }
}
