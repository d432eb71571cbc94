package app.bar.share.create;

import app.bar.platform.error.BarProblem;
import app.bar.platform.web.CurrentAccount;
import app.bar.share.ShareCodes;
import app.bar.share.ShareProperties;
import app.bar.share.core.ShareKind;
import app.bar.share.create.PolicyProperties.Role;
import app.bar.share.create.PolicyProperties.RoleLimits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The operator's policies ({@code bar.policy.*}, issue 20 item 2) applied to a share's validated
 * policy at creation: each refusal a 400 whose {@code errors[].code} names the policy
 * ({@code policy.*}) and the field. A default expiry longer than the role may give is shortened,
 * not refused (the creator asked for none). {@link #effective} is what the create page shows.
 */
@Component
public class CreationRules {

    private final PolicyProperties policy;
    private final ShareProperties limits;

    CreationRules(PolicyProperties policy, ShareProperties limits) {
        this.policy = policy;
        this.limits = limits;
    }

    /** The role of the creator: anonymous, or the signed-in account's. */
    static Role roleOf(boolean signedIn) {
        return !signedIn ? Role.ANONYMOUS : CurrentAccount.isAdmin() ? Role.ADMIN : Role.USER;
    }

    SharePolicy apply(SharePolicy share, boolean expiryGiven, Role role) {
        if (policy.requireZeroKnowledge() && !share.zeroKnowledge()) {
            throw refused(ShareCodes.POLICY_ZERO_KNOWLEDGE_REQUIRED, "zeroKnowledge",
                    "must be true: this server takes zero-knowledge shares only");
        }
        if (share.kind() == ShareKind.FILE && role == Role.ANONYMOUS && !policy.anonymousFileShares()) {
            throw refused(ShareCodes.POLICY_ANONYMOUS_FILES_DISABLED, "kind", "must be text: sign in to share files");
        }
        if (policy.passwordRequired(role) && !share.access().requiresPassword()) {
            throw refused(ShareCodes.POLICY_PASSWORD_REQUIRED, "password", "is required on this server");
        }
        RoleLimits own = policy.limits(role);
        Integer maxViews = own.maxViews();
        Integer views = share.maxViews();
        if (maxViews != null && (views == null || views > maxViews)) {
            throw new BarProblem.Invalid(ShareCodes.POLICY_MAX_VIEWS, views == null ? "unlimitedViews" : "maxViews",
                    "must be at most " + maxViews + " views on this server", 1L, (long) maxViews);
        }
        checkOtpDomains(share.otpEmails());
        Duration maxExpiry = own.maxExpiry();
        if (maxExpiry == null || share.expiresIn().compareTo(maxExpiry) <= 0) {
            return share;
        }
        if (!expiryGiven) {
            return share.withExpiresIn(maxExpiry);
        }
        throw overRoleMaximum("expiresIn", maxExpiry);
    }

    /**
     * An expiry of what a signed-in account makes beside a share (a request for a secret, and the
     * lifetime of the share that will answer it): read, bounded and refused exactly as a share's
     * {@code expiresIn} — same codes and messages, naming {@code field} —, the role's
     * {@code bar.policy} maximum included. None given: {@code byDefault}, shortened to what may be given.
     */
    public Duration expiry(String field, @Nullable ExpiresIn value, Duration byDefault) {
        Duration roleMax = policy.limits(roleOf(true)).maxExpiry();
        if (value == null) {
            Duration max = limits.expiryLimit(true);
            if (roleMax != null && roleMax.compareTo(max) < 0) {
                max = roleMax;
            }
            return byDefault.compareTo(max) > 0 ? max : byDefault;
        }
        Duration given = SharePolicy.checkExpiry(field, value, true, limits);
        if (roleMax != null && given.compareTo(roleMax) > 0) {
            throw overRoleMaximum(field, roleMax);
        }
        return given;
    }

    private static BarProblem.Invalid overRoleMaximum(String field, Duration maxExpiry) {
        return new BarProblem.Invalid(ShareCodes.POLICY_MAX_EXPIRY, field,
                "must be at most " + maxExpiry.toSeconds() + " seconds on this server",
                SharePolicy.MIN_EXPIRY_SECONDS, maxExpiry.toSeconds());
    }

    private void checkOtpDomains(List<String> emails) {
        List<String> allowed = policy.otpDomains();
        if (allowed.isEmpty()) {
            return;
        }
        for (String email : emails) {
            String domain = email.strip().substring(email.strip().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!allowed.contains(domain)) {
                throw refused(ShareCodes.POLICY_OTP_EMAIL_DOMAIN, "otpEmails",
                        "each address must be at a domain this server allows: " + String.join(", ", allowed));
            }
        }
    }

    private static BarProblem.Invalid refused(String code, String field, String reason) {
        return new BarProblem.Invalid(code, field, reason);
    }

    /**
     * What a creator of {@code role} may do here, for the create page: the policies and the
     * {@code bar.shares.*} limits together. {@code maxViews} null: no limit beyond the API's 1000
     * (unlimited views for signed-in creators); {@code otpEmailDomains} empty: any.
     */
    public record Effective(String role, boolean passwordRequired, boolean zeroKnowledgeRequired, boolean fileShares,
            @Nullable Integer maxViews, boolean unlimitedViews, long maxExpirySeconds, long defaultExpirySeconds,
            List<String> otpEmailDomains) {
    }

    Effective effective(Role role) {
        RoleLimits own = policy.limits(role);
        boolean signedIn = role != Role.ANONYMOUS;
        Duration max = limits.expiryLimit(signedIn);
        Duration roleMax = own.maxExpiry();
        if (roleMax != null && roleMax.compareTo(max) < 0) {
            max = roleMax;
        }
        Integer roleViews = own.maxViews();
        Duration byDefault = limits.defaultExpiry().compareTo(max) > 0 ? max : limits.defaultExpiry();
        return new Effective(role.name().toLowerCase(Locale.ROOT), policy.passwordRequired(role),
                policy.requireZeroKnowledge(), signedIn || policy.anonymousFileShares(), roleViews,
                signedIn && roleViews == null, max.toSeconds(), byDefault.toSeconds(), policy.otpDomains());
    }
}
