package app.bar.account;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;

/** A bootstrap admin password, when set, is not a short one (registered in {@code META-INF/spring.factories}). */
final class AccountProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        String adminPassword = settings.value("bar.accounts.bootstrap-admin-password");
        if (!adminPassword.isEmpty() && adminPassword.length() < 12) {
            settings.problem("BAR_BOOTSTRAP_ADMIN_PASSWORD", "must be at least 12 characters when set");
        }
    }
}
