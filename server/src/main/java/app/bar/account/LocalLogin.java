package app.bar.account;

import app.bar.platform.error.BarProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bar.accounts.local-login-enabled}: with {@code false} only single sign-on signs people
 * in; the sign-in page shows no password form and the password endpoints (sign-in, sign-up,
 * forgotten password) answer {@code 403 auth.local_login_disabled}. Kept apart from
 * {@link AccountProperties} (same prefix) so the password flows ask one small thing.
 */
@ConfigurationProperties("bar.accounts")
record LocalLogin(@DefaultValue("true") boolean localLoginEnabled) {

    void require() {
        if (!localLoginEnabled) {
            throw new BarProblem.Forbidden(AccountCodes.LOCAL_LOGIN_DISABLED,
                    "Sign-in with a password is switched off here; use single sign-on.");
        }
    }
}
