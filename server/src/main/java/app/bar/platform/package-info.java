/**
 * What every feature stands on and that knows no feature: configuration, problem+json
 * errors, request ids, client IP, log redaction, security headers, body limits, rate
 * limits, health, secrets and key rings.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package app.bar.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
