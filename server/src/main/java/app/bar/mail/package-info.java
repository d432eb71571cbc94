/**
 * Outgoing mail: SMTP in production, {@code .eml} files in the outbox directory on the embedded
 * default; every mail carries the operator's brand ({@code branding}).
 */
@ApplicationModule(allowedDependencies = {"platform", "branding", "web :: i18n"})
@NullMarked
package app.bar.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
