package app.bar.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts ({@code bar.accounts.*}); docs/accounts.md explains each setting.
 *
 * @param approvalRequired a verified account waits in {@code PENDING_APPROVAL} until an admin approves
 * @param bootstrapAdminEmail with {@code bootstrapAdminPassword}: the first admin, created at
 *     start-up when no admin exists ({@code BAR_BOOTSTRAP_ADMIN_EMAIL}/{@code _PASSWORD})
 * @param sessionIdleTimeout a session not refreshed for this long ends; longer than {@code bar.jwt.access-token-ttl}
 *     (an active user refreshes once per access-token lifetime), which {@link AccountProductionCheck} enforces
 * @param reauthenticationWindow how long a password proof (sign-in or re-authentication) lets the
 *     session mint API tokens
 * @param minPasswordStrength the zxcvbn score a new password needs (0-4; 3 by default)
 */
@ConfigurationProperties("bar.accounts")
@Validated
public record AccountProperties(
        @DefaultValue("false") boolean approvalRequired,
        @DefaultValue("") String bootstrapAdminEmail,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue(DEFAULT_SESSION_IDLE_TIMEOUT) @NotNull Duration sessionIdleTimeout,
        @DefaultValue("12h") @NotNull Duration sessionAbsoluteTimeout,
        @DefaultValue(DEFAULT_REMEMBER_ME_IDLE_TIMEOUT) @NotNull Duration rememberMeIdleTimeout,
        @DefaultValue("30d") @NotNull Duration rememberMeAbsoluteTimeout,
        @DefaultValue("5m") @NotNull Duration reauthenticationWindow,
        @DefaultValue("24h") @NotNull Duration verificationTtl,
        @DefaultValue("30m") @NotNull Duration resetTtl,
        @DefaultValue("3") @Min(0) @Max(4) int minPasswordStrength,
        @DefaultValue("50") @Min(1) int maxApiTokens,
        @DefaultValue("365d") @NotNull Duration apiTokenMaxLifetime,
        @DefaultValue @Valid Lockout lockout,
        @DefaultValue @Valid Argon2 argon2) {

    static final String DEFAULT_SESSION_IDLE_TIMEOUT = "30m";
    static final String DEFAULT_REMEMBER_ME_IDLE_TIMEOUT = "7d";

    public AccountProperties {
        if (reauthenticationWindow.isNegative() || reauthenticationWindow.isZero()
                || reauthenticationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("bar.accounts.reauthentication-window must be between 1s and 1h");
        }
        if (apiTokenMaxLifetime.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("bar.accounts.api-token-max-lifetime must be at most 365d");
        }
    }

    /** {@code maxFailures} wrong passwords within {@code window} lock the account for {@code duration}. */
    public record Lockout(
            @DefaultValue("5") @Min(1) int maxFailures,
            @DefaultValue("15m") @NotNull Duration window,
            @DefaultValue("15m") @NotNull Duration duration) {
    }

    /** Argon2id cost; never below OWASP's minimum (19 MiB, t = 2, p = 1). It runs on the platform's hashing pool ({@code bar.hashing.*}). */
    public record Argon2(
            @DefaultValue("19456") @Min(19456) int memoryKib,
            @DefaultValue("2") @Min(2) int iterations,
            @DefaultValue("1") @Min(1) int parallelism) {
    }

    @Override
    public String toString() {
        return "AccountProperties[approvalRequired=" + approvalRequired + ", bootstrapAdmin="
                + (bootstrapAdminEmail.isBlank() ? "off" : "configured") + "]";
    }
}
