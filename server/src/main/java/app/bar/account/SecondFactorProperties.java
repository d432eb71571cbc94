package app.bar.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Second factors ({@code bar.accounts.*}, next to {@link AccountProperties}); docs/accounts.md
 * explains them.
 *
 * @param mfaRequired every account must have a second factor: one without is asked to enrol a TOTP
 *     app at its next sign-in, before it gets a session
 * @param mfaChallengeTtl how long the step between the right password and the second factor (or
 *     the forced enrolment) may take
 * @param totpIssuer the name authenticator apps show next to the account
 */
@ConfigurationProperties("bar.accounts")
@Validated
public record SecondFactorProperties(
        @DefaultValue("false") boolean mfaRequired,
        @DefaultValue("5m") @NotNull Duration mfaChallengeTtl,
        @DefaultValue("BAR") @NotNull @Size(min = 1, max = 40) String totpIssuer) {

    public SecondFactorProperties {
        if (mfaChallengeTtl.compareTo(Duration.ofSeconds(30)) < 0 || mfaChallengeTtl.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("bar.accounts.mfa-challenge-ttl must be between 30s and 15m");
        }
    }
}
