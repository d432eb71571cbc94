package app.bar.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The platform's own production rules: the database and Redis, the public URL, the CORS origins,
 * the trusted proxies, and no debugging aid (error details, the H2 console).
 */
final class PlatformProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        checkUrl(settings, "BAR_DATABASE_URL", "bar.database.url", "jdbc:postgresql://", "must be a jdbc:postgresql:// URL");
        checkUrl(settings, "BAR_REDIS_URL", "bar.redis.url", "redis", "must be a redis:// or rediss:// URL");
        checkPublicUrl(settings);
        checkOrigins(settings);
        checkProxies(settings);
        settings.refuseTrue("BAR_ERRORS_EXPOSE_DETAILS", "bar.errors.expose-details");
        settings.refuseTrue("spring.h2.console.enabled", "spring.h2.console.enabled");
        settings.refuseTrue("bar.events.hold-listeners", "bar.events.hold-listeners"); // the crash IT's switch
    }

    private static void checkUrl(ProductionSettings settings, String variable, String key, String prefix, String rule) {
        String url = settings.value(key);
        if (url.isBlank()) {
            settings.problem(variable, "is missing");
        } else if (!url.startsWith(prefix)) {
            settings.problem(variable, rule);
        }
    }

    private static void checkPublicUrl(ProductionSettings settings) {
        String url = settings.value("bar.public-url");
        if (url.isBlank()) {
            settings.problem("BAR_PUBLIC_URL", "is missing");
            return;
        }
        URI uri = parse(url);
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            settings.problem("BAR_PUBLIC_URL", "must be an https:// URL with a host and no user info, query or fragment");
        }
    }

    private static void checkOrigins(ProductionSettings settings) {
        String origins = settings.value("bar.http.allowed-origins");
        if (origins.isBlank()) {
            settings.problem("BAR_ALLOWED_ORIGINS", "is missing (list the exact https origins that may call the API)");
            return;
        }
        for (String origin : origins.split(",")) {
            String o = origin.strip();
            URI uri = parse(o);
            if (o.contains("*")) {
                settings.problem("BAR_ALLOWED_ORIGINS", "must not contain a wildcard");
            } else if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null) {
                settings.problem("BAR_ALLOWED_ORIGINS", "each entry must be an exact https://host[:port] origin");
            }
        }
    }

    private static void checkProxies(ProductionSettings settings) {
        String proxies = settings.value("bar.http.trusted-proxies");
        if (proxies.isBlank()) {
            settings.problem("BAR_TRUSTED_PROXIES", "is missing (list proxy addresses or CIDRs, or 'none')");
            return;
        }
        if (proxies.strip().equals("none")) {
            return;
        }
        for (String proxy : proxies.split(",")) {
            String p = proxy.strip();
            if (p.endsWith("/0")) {
                settings.problem("BAR_TRUSTED_PROXIES", "must not trust every address (/0)");
                continue;
            }
            try {
                new IpAddressMatcher(p);
            } catch (IllegalArgumentException e) {
                settings.problem("BAR_TRUSTED_PROXIES", "each entry must be an IP address or CIDR");
            }
        }
    }

    private static URI parse(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
