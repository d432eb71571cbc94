/**
 * The admin API: accounts (approve, pause, resume, delete), security events, system status,
 * share moderation (metadata, burns, statistics) through the share module's {@code ShareModeration},
 * and the audit export (security events with the share module's {@code ShareAuditTrail}).
 */
@ApplicationModule(allowedDependencies = {"platform", "audit", "account", "mail", "share"})
@NullMarked
package app.bar.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
