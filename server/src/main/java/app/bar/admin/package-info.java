/** The admin API: accounts (approve, pause, resume, delete), security events and system status. */
@ApplicationModule(allowedDependencies = {"platform", "audit", "account", "mail"})
@NullMarked
package app.bar.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
