package app.bar.share.create;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bar.policy.*}: the operator's rules for new shares (issue 20 item 2), on top of the
 * limits of {@code bar.shares.*}. Validated at start-up: a bad value stops the start naming the
 * setting. Everything off by default. The README configuration table lists them.
 */
@ConfigurationProperties("bar.policy")
@Validated
public record PolicyProperties(
        @DefaultValue("none") @NotNull PasswordRule requirePassword,
        @DefaultValue("false") boolean requireZeroKnowledge,
        @DefaultValue("true") boolean anonymousFileShares,
        @DefaultValue({}) @NotNull List<@Pattern(regexp = DOMAIN, message = "must be a domain name such as example.com")
                String> otpEmailDomains,
        @DefaultValue @Valid @NotNull RoleLimits anonymous,
        @DefaultValue @Valid @NotNull RoleLimits user,
        @DefaultValue @Valid @NotNull RoleLimits admin) {

    static final String DOMAIN = "(?i)[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+";

    /** Who must set a password. */
    public enum PasswordRule {
        /** Nobody. */
        NONE,
        /** Creators who are not signed in. */
        ANONYMOUS,
        /** Every creator. */
        ALL
    }

    /** The creator's role, as the policy tells them apart. */
    public enum Role {
        ANONYMOUS, USER, ADMIN
    }

    /** Limits of one role; null: only the {@code bar.shares.*} limits apply. */
    public record RoleLimits(
            @Nullable @Min(value = 1, message = "must be between 1 and 1000") @Max(value = 1000,
                    message = "must be between 1 and 1000") Integer maxViews,
            @Nullable Duration maxExpiry) {

        public RoleLimits {
            if (maxExpiry != null && maxExpiry.toSeconds() < SharePolicy.MIN_EXPIRY_SECONDS) {
                throw new IllegalArgumentException("bar.policy.<role>.max-expiry must be at least "
                        + SharePolicy.MIN_EXPIRY_SECONDS + " seconds");
            }
        }
    }

    public RoleLimits limits(Role role) {
        return switch (role) {
            case ANONYMOUS -> anonymous;
            case USER -> user;
            case ADMIN -> admin;
        };
    }

    public boolean passwordRequired(Role role) {
        return requirePassword == PasswordRule.ALL || requirePassword == PasswordRule.ANONYMOUS && role == Role.ANONYMOUS;
    }

    /** The allowed OTP recipient domains in lower case; empty: any. */
    public List<String> otpDomains() {
        return otpEmailDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
