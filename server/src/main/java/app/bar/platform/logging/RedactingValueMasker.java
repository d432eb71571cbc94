package app.bar.platform.logging;

import net.logstash.logback.mask.ValueMasker;
import tools.jackson.core.TokenStreamContext;

/** The JSON layout's redaction: every string value (message, MDC, stack trace) through {@link LogRedactor}. */
public final class RedactingValueMasker implements ValueMasker {

    @Override
    public Object mask(TokenStreamContext context, Object value) {
        if (value instanceof CharSequence text) {
            String original = text.toString();
            String redacted = LogRedactor.redact(original);
            return redacted.equals(original) ? null : redacted;
        }
        return null;
    }
}
