/**
 * The Spring Security filter chain: security headers, CORS, authentication entry points and,
 * with the accounts module, JWT sessions and CSRF.
 */
@ApplicationModule(allowedDependencies = {"platform", "audit"})
@NullMarked
package app.bar.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
