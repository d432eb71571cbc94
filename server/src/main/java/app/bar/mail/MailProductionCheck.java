package app.bar.mail;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import java.util.Locale;

/**
 * Production mails through a real SMTP server over TLS (mail carries reset links), from a set
 * sender (registered in {@code META-INF/spring.factories}).
 */
final class MailProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        settings.require("BAR_SMTP_HOST", "bar.mail.smtp.host");
        settings.require("BAR_MAIL_FROM", "bar.mail.from");
        String tls = settings.value("bar.mail.smtp.tls").toLowerCase(Locale.ROOT);
        if (!tls.equals("starttls") && !tls.equals("smtps")) {
            settings.problem("BAR_SMTP_TLS", "must be 'starttls' or 'smtps' (mail carries reset links)");
        }
    }
}
