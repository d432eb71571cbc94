/** Outgoing mail: SMTP in production, {@code .eml} files in the outbox directory on the embedded default. */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package app.bar.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
