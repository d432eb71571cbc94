package app.bar.share.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.bar.platform.error.BarProblem;
import app.bar.share.create.PolicyProperties.PasswordRule;
import app.bar.share.create.PolicyProperties.Role;
import app.bar.share.create.PolicyProperties.RoleLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's share policies (issue 20 item 2), one rule per test; the ITs check them over HTTP. */
class CreationRulesTests {

    private static final RoleLimits NONE = new RoleLimits(null, null);

    static PolicyProperties policy() {
        return new PolicyProperties(PasswordRule.NONE, false, true, List.of(), NONE, NONE, NONE);
    }

    private static CreationRules rules(PolicyProperties policy) {
        return new CreationRules(policy, SharePolicyTests.limits(true));
    }

    private static SharePolicy share(CreateShareRequest request, boolean signedIn) {
        return SharePolicy.of(request, signedIn, SharePolicyTests.limits(true));
    }

    private static CreateShareRequest request(String kind, Integer maxViews, Boolean unlimited, ExpiresIn expiresIn,
            List<String> otpEmails) {
        return new CreateShareRequest(kind, "text".equals(kind) ? "s".toCharArray() : null, null, expiresIn, maxViews,
                unlimited, null, otpEmails == null ? null : true, otpEmails, null, null, null, null, null, null, null, null, null);
    }

    private static CreateShareRequest text() {
        return request("text", null, null, null, null);
    }

    private static String codeOf(Runnable call) {
        BarProblem.Invalid invalid = catchThrowableOfType(BarProblem.Invalid.class, call::run);
        assertThat(invalid).as("refused").isNotNull();
        return invalid.fieldCode() + " " + invalid.field();
    }

    @Test
    void applyWhenNoPolicyThenShareUnchanged() {
        SharePolicy share = share(text(), false);
        assertThat(rules(policy()).apply(share, false, Role.ANONYMOUS)).isSameAs(share);
    }

    @Test
    void applyWhenPasswordRequiredForAnonymousThenAnonymousWithoutOneRefusedAndUserPasses() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.ANONYMOUS, false, true, List.of(), NONE, NONE, NONE));

        assertThat(codeOf(() -> rules.apply(share(text(), false), false, Role.ANONYMOUS)))
                .isEqualTo("policy.password_required password");
        rules.apply(share(text(), true), false, Role.USER);
    }

    @Test
    void applyWhenPasswordRequiredForAllThenAdminWithoutOneRefused() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.ALL, false, true, List.of(), NONE, NONE, NONE));
        assertThat(codeOf(() -> rules.apply(share(text(), true), false, Role.ADMIN)))
                .isEqualTo("policy.password_required password");
    }

    @Test
    void applyWhenRoleHasMaxViewsThenMoreAndUnlimitedRefused() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.NONE, false, true, List.of(), NONE,
                new RoleLimits(3, null), NONE));

        assertThat(codeOf(() -> rules.apply(share(request("text", 4, null, null, null), true), false, Role.USER)))
                .isEqualTo("policy.max_views maxViews");
        assertThat(codeOf(() -> rules.apply(share(request("text", null, true, null, null), true), false, Role.USER)))
                .isEqualTo("policy.max_views unlimitedViews");
        rules.apply(share(request("text", 3, null, null, null), true), false, Role.USER);
        rules.apply(share(request("text", 50, null, null, null), true), false, Role.ADMIN);
    }

    @Test
    void applyWhenRoleHasMaxExpiryThenLongerRefusedAndDefaultShortened() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.NONE, false, true, List.of(),
                new RoleLimits(null, Duration.ofHours(1)), NONE, NONE));

        assertThat(codeOf(() -> rules.apply(share(request("text", null, null, ExpiresIn.ofSeconds(7200), null), false),
                true, Role.ANONYMOUS))).isEqualTo("policy.max_expiry expiresIn");
        assertThat(rules.apply(share(text(), false), false, Role.ANONYMOUS).expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void applyWhenOtpDomainsSetThenRecipientElsewhereRefused() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.NONE, false, true, List.of("Example.com"), NONE,
                NONE, NONE));

        assertThat(codeOf(() -> rules.apply(share(request("text", null, null, null,
                List.of("a@example.com", "b@elsewhere.org")), false), false, Role.ANONYMOUS)))
                .isEqualTo("policy.otp_email_domain otpEmails");
        rules.apply(share(request("text", null, null, null, List.of("a@EXAMPLE.com")), false), false, Role.ANONYMOUS);
    }

    @Test
    void applyWhenAnonymousFileSharesOffThenAnonymousFileRefusedAndUserFilePasses() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.NONE, false, false, List.of(), NONE, NONE, NONE));

        assertThat(codeOf(() -> rules.apply(share(request("file", null, null, null, null), false), false,
                Role.ANONYMOUS))).isEqualTo("policy.anonymous_files_disabled kind");
        rules.apply(share(request("file", null, null, null, null), true), false, Role.USER);
    }

    @Test
    void applyWhenZeroKnowledgeRequiredThenServerModeShareRefused() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.NONE, true, true, List.of(), NONE, NONE, NONE));
        assertThat(codeOf(() -> rules.apply(share(text(), true), false, Role.ADMIN)))
                .isEqualTo("policy.zero_knowledge_required zeroKnowledge");
    }

    @Test
    void effectiveWhenPoliciesSetThenTheRoleSeesItsOwnLimits() {
        CreationRules rules = rules(new PolicyProperties(PasswordRule.ANONYMOUS, false, false, List.of("example.com"),
                new RoleLimits(2, Duration.ofHours(1)), new RoleLimits(null, null), NONE));

        CreationRules.Effective anonymous = rules.effective(Role.ANONYMOUS);
        assertThat(anonymous).isEqualTo(new CreationRules.Effective("anonymous", true, false, false, 2, false, 3600,
                3600, List.of("example.com")));
        CreationRules.Effective user = rules.effective(Role.USER);
        assertThat(user.passwordRequired()).isFalse();
        assertThat(user.fileShares()).isTrue();
        assertThat(user.unlimitedViews()).isTrue();
        assertThat(user.maxExpirySeconds()).isEqualTo(Duration.ofDays(30).toSeconds());
    }
}
