package app.bar.account;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import java.util.Locale;

/**
 * Single sign-on in production (registered in {@code META-INF/spring.factories}): every provider's
 * issuer is {@code https://} (its discovery document and keys decide whose ID tokens BAR trusts),
 * and its client id and secret are set. The redirect URIs are built from {@code BAR_PUBLIC_URL},
 * which production already demands as {@code https://}.
 */
final class OidcProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        settings.bind("bar.oidc", OidcProperties.class).ifPresent(oidc -> oidc.providers().forEach((id, provider) -> {
            String variable = "BAR_OIDC_PROVIDERS_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
            if (!provider.issuerUri().strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
                settings.problem(variable + "ISSUERURI", "must be an https:// URL");
            }
            if (provider.clientId().isBlank()) {
                settings.problem(variable + "CLIENTID", "is missing");
            }
            if (provider.clientSecret().isBlank()) {
                settings.problem(variable + "CLIENTSECRET", "is missing");
            }
        }));
    }
}
