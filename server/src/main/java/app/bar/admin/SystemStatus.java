package app.bar.admin;

import app.bar.account.AccountAdministration;
import app.bar.account.AccountState;
import app.bar.audit.SecurityEventLog;
import app.bar.mail.MailReachability;
import app.bar.platform.health.ReadinessCheck;
import app.bar.platform.redis.RedisAvailability;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/**
 * The admin status page: version, uptime, whether each dependency answers, and counts.
 * Nothing secret: no addresses, URLs, keys or configuration values.
 */
@Service
class SystemStatus {

    private final ObjectProvider<BuildProperties> build;
    private final List<ReadinessCheck> checks;
    private final MailReachability mail;
    private final AccountAdministration accounts;
    private final SecurityEventLog events;
    private final Clock clock;
    private final RedisAvailability redis;

    SystemStatus(ObjectProvider<BuildProperties> build, List<ReadinessCheck> checks, MailReachability mail,
            AccountAdministration accounts, SecurityEventLog events, Clock clock, RedisAvailability redis) {
        this.redis = redis;
        this.build = build;
        this.checks = List.copyOf(checks);
        this.mail = mail;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** What the status page shows; dependencies and account counts by name (check names, account states). */
    record Report(String version, long uptimeSeconds, Map<String, String> dependencies, Counts counts) {
    }

    record Counts(Map<String, Long> accounts, long pendingApproval, long liveSessions, long securityEventsLast24h) {
    }

    Report report() {
        BuildProperties info = build.getIfAvailable();
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            dependencies.put(check.name(), up(check));
        }
        dependencies.put("redis", !redis.isConfigured() ? "not_configured" : redis.isAvailable() ? "up" : "down");
        dependencies.put("mail", mail.check().name().toLowerCase(Locale.ROOT));
        Map<String, Long> byState = new LinkedHashMap<>();
        accounts.countByState().forEach((state, n) -> byState.put(state.name(), n));
        Instant now = clock.instant();
        Counts counts = new Counts(byState, byState.getOrDefault(AccountState.PENDING_APPROVAL.name(), 0L),
                accounts.liveSessions(), events.count(null, now.minus(Duration.ofHours(24)), now.plusSeconds(1)));
        return new Report(info == null ? "unknown" : info.getVersion(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, dependencies, counts);
    }

    private static String up(ReadinessCheck check) {
        try {
            return check.isReady() ? "up" : "down";
        } catch (RuntimeException e) {
            return "down";
        }
    }
}
