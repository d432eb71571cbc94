package app.bar.platform.config;

import app.bar.platform.secrets.KeyRingSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The checks {@code BAR_PROFILE=prod} runs before anything else starts (DESIGN.md §3): every
 * required variable present, long enough, well formed and safe. Each problem is one log line
 * naming the variable and the rule; values are never printed.
 */
public final class ProductionGuard {

    static final String PROFILE = "prod";

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);
    private static final List<String> KNOWN_PROFILES = List.of("prod", "dev");

    private final Environment env;
    private final List<String> problems = new ArrayList<>();

    private ProductionGuard(Environment env) {
        this.env = env;
    }

    /** Throws {@link UnsafeConfigurationException} when the environment is not fit to start. */
    public static void check(Environment env) {
        ProductionGuard guard = new ProductionGuard(env);
        guard.checkProfiles();
        if (Arrays.asList(env.getActiveProfiles()).contains(PROFILE)) {
            guard.checkProduction();
        }
        if (!guard.problems.isEmpty()) {
            guard.problems.forEach(p -> log.error("config.invalid {}", p));
            throw new UnsafeConfigurationException(guard.problems);
        }
    }

    private void checkProfiles() {
        for (String profile : env.getActiveProfiles()) {
            if (!KNOWN_PROFILES.contains(profile) && !profile.startsWith("test")) {
                problem("BAR_PROFILE", "must be empty (embedded default) or 'prod'");
            }
        }
    }

    private void checkProduction() {
        checkUrl("BAR_DATABASE_URL", "bar.database.url", "jdbc:postgresql://", "must be a jdbc:postgresql:// URL");
        checkUrl("BAR_REDIS_URL", "bar.redis.url", "redis", "must be a redis:// or rediss:// URL");
        checkPublicUrl();
        checkOrigins();
        checkProxies();
        checkRing("BAR_JWT_KEYS", "bar.jwt.keys", KeyRingSpec.JWT_KEY_BYTES, 512);
        checkRing("BAR_MASTER_KEYS", "bar.crypto.master-keys", KeyRingSpec.MASTER_KEY_BYTES, KeyRingSpec.MASTER_KEY_BYTES);
        checkRequired("BAR_SMTP_HOST", "bar.mail.smtp.host");
        checkRequired("BAR_MAIL_FROM", "bar.mail.from");
        String tls = value("bar.mail.smtp.tls").toLowerCase(Locale.ROOT);
        if (!tls.equals("starttls") && !tls.equals("smtps")) {
            problem("BAR_SMTP_TLS", "must be 'starttls' or 'smtps' (mail carries reset links)");
        }
        String blobDir = value("bar.storage.dir");
        boolean blobsInBucket = value("bar.storage.type").strip().equalsIgnoreCase("s3"); // storage checks the bucket
        if (!blobsInBucket && (blobDir.isBlank() || !Path.of(blobDir).isAbsolute())) {
            problem("BAR_BLOB_DIR", "must be an absolute path (a directory every node shares)");
        }
        refuseTrue("BAR_ERRORS_EXPOSE_DETAILS", "bar.errors.expose-details");
        refuseTrue("BAR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "bar.webhooks.allow-private-addresses");
        refuseTrue("BAR_WEBHOOKS_ALLOW_HTTP", "bar.webhooks.allow-http");
        refuseTrue("spring.h2.console.enabled", "spring.h2.console.enabled");
        String adminPassword = value("bar.accounts.bootstrap-admin-password");
        if (!adminPassword.isEmpty() && adminPassword.length() < 12) {
            problem("BAR_BOOTSTRAP_ADMIN_PASSWORD", "must be at least 12 characters when set");
        }
    }

    private void checkUrl(String variable, String key, String prefix, String rule) {
        String url = value(key);
        if (url.isBlank()) {
            problem(variable, "is missing");
        } else if (!url.startsWith(prefix)) {
            problem(variable, rule);
        }
    }

    private void checkPublicUrl() {
        String url = value("bar.public-url");
        if (url.isBlank()) {
            problem("BAR_PUBLIC_URL", "is missing");
            return;
        }
        URI uri = parse(url);
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problem("BAR_PUBLIC_URL", "must be an https:// URL with a host and no user info, query or fragment");
        }
    }

    private void checkOrigins() {
        String origins = value("bar.http.allowed-origins");
        if (origins.isBlank()) {
            problem("BAR_ALLOWED_ORIGINS", "is missing (list the exact https origins that may call the API)");
            return;
        }
        for (String origin : origins.split(",")) {
            String o = origin.strip();
            URI uri = parse(o);
            if (o.contains("*")) {
                problem("BAR_ALLOWED_ORIGINS", "must not contain a wildcard");
            } else if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null) {
                problem("BAR_ALLOWED_ORIGINS", "each entry must be an exact https://host[:port] origin");
            }
        }
    }

    private void checkProxies() {
        String proxies = value("bar.http.trusted-proxies");
        if (proxies.isBlank()) {
            problem("BAR_TRUSTED_PROXIES", "is missing (list proxy addresses or CIDRs, or 'none')");
            return;
        }
        if (proxies.strip().equals("none")) {
            return;
        }
        for (String proxy : proxies.split(",")) {
            String p = proxy.strip();
            if (p.endsWith("/0")) {
                problem("BAR_TRUSTED_PROXIES", "must not trust every address (/0)");
                continue;
            }
            try {
                new IpAddressMatcher(p);
            } catch (IllegalArgumentException e) {
                problem("BAR_TRUSTED_PROXIES", "each entry must be an IP address or CIDR");
            }
        }
    }

    private void checkRing(String variable, String key, int minBytes, int maxBytes) {
        for (String rule : KeyRingSpec.problems(value(key), minBytes, maxBytes)) {
            problem(variable, rule);
        }
    }

    private void checkRequired(String variable, String key) {
        if (value(key).isBlank()) {
            problem(variable, "is missing");
        }
    }

    private void refuseTrue(String variable, String key) {
        if (Boolean.parseBoolean(value(key).strip())) {
            problem(variable, "must not be true in production");
        }
    }

    private String value(String key) {
        String v = env.getProperty(key);
        return v == null ? "" : v;
    }

    private void problem(String variable, String rule) {
        String line = "variable=" + variable + " rule=\"" + rule + "\"";
        if (!problems.contains(line)) {
            problems.add(line);
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
