package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.create.PolicyProperties.PasswordRule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code bar.policy.*} is checked when it is bound: a bad value stops the start (issue 20 item 2). */
class PolicyPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void bindWhenNothingSetThenEveryPolicyOff() {
        runner.run(context -> {
            PolicyProperties policy = context.getBean(PolicyProperties.class);
            assertThat(policy.requirePassword()).isEqualTo(PasswordRule.NONE);
            assertThat(policy.requireZeroKnowledge()).isFalse();
            assertThat(policy.anonymousFileShares()).isTrue();
            assertThat(policy.otpDomains()).isEmpty();
            assertThat(policy.user().maxViews()).isNull();
            assertThat(policy.admin().maxExpiry()).isNull();
        });
    }

    @Test
    void bindWhenMaxViewsOutOfRangeThenStartFails() {
        runner.withPropertyValues("bar.policy.anonymous.max-views=0").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void bindWhenMaxExpiryUnderAMinuteThenStartFails() {
        runner.withPropertyValues("bar.policy.user.max-expiry=30s").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void bindWhenOtpDomainIsNoDomainNameThenStartFails() {
        runner.withPropertyValues("bar.policy.otp-email-domains=example.com,not a domain")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void bindWhenPasswordRuleUnknownThenStartFails() {
        runner.withPropertyValues("bar.policy.require-password=sometimes").run(context -> assertThat(context).hasFailed());
    }
}
