package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.bar.platform.config.ProductionGuard;
import app.bar.platform.config.UnsafeConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue #21 item 2: an access token that lives as long as the idle timeout or longer is refused on
 * every start (the embedded default too), in one line naming the variables and the rule.
 */
class AccountProductionCheckTests {

    @Test
    void checkWhenAccessTokenOutlivesIdleTimeoutThenStartRefusedNamingBothVariables() {
        MockEnvironment env = new MockEnvironment().withProperty("bar.jwt.access-token-ttl", "20m")
                .withProperty("bar.accounts.session-idle-timeout", "15m");

        UnsafeConfigurationException e = catchThrowableOfType(UnsafeConfigurationException.class,
                () -> ProductionGuard.check(env));

        assertThat(e.problems()).singleElement().asString()
                .startsWith("variable=BAR_JWT_ACCESSTOKENTTL rule=\"must be shorter than BAR_ACCOUNTS_SESSIONIDLETIMEOUT")
                .doesNotContain("20m", "15m");
    }

    @Test
    void checkWhenAccessTokenAsLongAsIdleTimeoutThenRefused() {
        MockEnvironment env = new MockEnvironment().withProperty("bar.jwt.access-token-ttl", "30m");
        assertThat(catchThrowableOfType(UnsafeConfigurationException.class, () -> ProductionGuard.check(env)).problems())
                .singleElement().asString().contains("BAR_ACCOUNTS_SESSIONIDLETIMEOUT");
    }

    @Test
    void checkWhenRememberMeIdleShorterThanAccessTokenThenRefusedNamingIt() {
        MockEnvironment env = new MockEnvironment().withProperty("bar.accounts.remember-me-idle-timeout", "PT10M");
        assertThat(catchThrowableOfType(UnsafeConfigurationException.class, () -> ProductionGuard.check(env)).problems())
                .singleElement().asString().contains("BAR_ACCOUNTS_REMEMBERMEIDLETIMEOUT");
    }

    @Test
    void checkWhenDefaultsOrAccessTokenShorterThanIdleThenStarts() {
        ProductionGuard.check(new MockEnvironment());
        ProductionGuard.check(new MockEnvironment().withProperty("bar.jwt.access-token-ttl", "1m")
                .withProperty("bar.accounts.session-idle-timeout", "80s"));
    }

    @Test
    void checkWhenValueIsNoDurationThenLeftToTheBinding() {
        ProductionGuard.check(new MockEnvironment().withProperty("bar.jwt.access-token-ttl", "soon"));
    }
}
