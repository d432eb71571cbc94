package app.bar.admin;

import app.bar.account.AccountAdministration;
import app.bar.account.AccountState;
import app.bar.audit.SecurityEventLog;
import app.bar.mail.MailReachability;
import app.bar.platform.health.ReadinessCheck;
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

    SystemStatus(ObjectProvider<BuildProperties> build, List<ReadinessCheck> checks, MailReachability mail,
            AccountAdministration accounts, SecurityEventLog events, Clock clock) {
        this.build = build;
        this.checks = List.copyOf(checks);
        this.mail = mail;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    Map<String, Object> report(boolean redisConfigured) {
        Map<String, Object> status = new LinkedHashMap<>();
        BuildProperties info = build.getIfAvailable();
        status.put("version", info == null ? "unknown" : info.getVersion());
        status.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            dependencies.put(check.name(), check.name().equals("redis") && !redisConfigured ? "not_configured"
                    : up(check));
        }
        dependencies.put("mail", mail.check().name().toLowerCase(Locale.ROOT));
        status.put("dependencies", dependencies);
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Long> byState = new LinkedHashMap<>();
        accounts.countByState().forEach((state, n) -> byState.put(state.name(), n));
        counts.put("accounts", byState);
        counts.put("pendingApproval", byState.getOrDefault(AccountState.PENDING_APPROVAL.name(), 0L));
        counts.put("liveSessions", accounts.liveSessions());
        Instant now = clock.instant();
        counts.put("securityEventsLast24h", events.count(null, now.minus(Duration.ofHours(24)), now.plusSeconds(1)));
        status.put("counts", counts);
        return status;
    }

    private static String up(ReadinessCheck check) {
        try {
            return check.isReady() ? "up" : "down";
        } catch (RuntimeException e) {
            return "down";
        }
    }
}
