package app.bar.account;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import app.bar.security.JwtProperties;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;

/**
 * The account module's start-up rules (registered in {@code META-INF/spring.factories}): in
 * production, a bootstrap admin password, when set, is not a short one; everywhere, the access
 * token lives shorter than a session may sit idle.
 */
final class AccountProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        String adminPassword = settings.value("bar.accounts.bootstrap-admin-password");
        if (!adminPassword.isEmpty() && adminPassword.length() < 12) {
            settings.problem("BAR_BOOTSTRAP_ADMIN_PASSWORD", "must be at least 12 characters when set");
        }
    }

    /**
     * The idle timeout counts from the last refresh, and a browser refreshes when its access token
     * has expired: with a token that lives as long as the idle timeout or longer, a user clicking
     * all along would find the session idle at their first refresh (and a token would be good for
     * longer than an idle session). So {@code bar.jwt.access-token-ttl} must be shorter than both
     * idle timeouts. A value that does not read as a duration is left to the binding, which names it.
     */
    @Override
    public void checkEverywhere(ProductionSettings settings) {
        Duration ttl = duration(settings, "bar.jwt.access-token-ttl", JwtProperties.DEFAULT_ACCESS_TOKEN_TTL);
        Duration idle = duration(settings, "bar.accounts.session-idle-timeout", AccountProperties.DEFAULT_SESSION_IDLE_TIMEOUT);
        Duration rememberMeIdle = duration(settings, "bar.accounts.remember-me-idle-timeout",
                AccountProperties.DEFAULT_REMEMBER_ME_IDLE_TIMEOUT);
        if (ttl == null) {
            return;
        }
        if (idle != null && ttl.compareTo(idle) >= 0) {
            settings.problem("BAR_JWT_ACCESSTOKENTTL", "must be shorter than BAR_ACCOUNTS_SESSIONIDLETIMEOUT "
                    + "(the idle timeout counts from the last refresh, which comes once per access-token lifetime)");
        }
        if (rememberMeIdle != null && ttl.compareTo(rememberMeIdle) >= 0) {
            settings.problem("BAR_JWT_ACCESSTOKENTTL", "must be shorter than BAR_ACCOUNTS_REMEMBERMEIDLETIMEOUT "
                    + "(the idle timeout counts from the last refresh, which comes once per access-token lifetime)");
        }
    }

    private static @Nullable Duration duration(ProductionSettings settings, String key, String defaultValue) {
        String value = settings.value(key).strip();
        try {
            return DurationStyle.detectAndParse(value.isEmpty() ? defaultValue : value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
