package app.bar.platform.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %redactedEx} in the text layout: stack traces keep their lines, but messages in them are redacted. */
public final class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogRedactor.redact(super.convert(event));
    }
}
