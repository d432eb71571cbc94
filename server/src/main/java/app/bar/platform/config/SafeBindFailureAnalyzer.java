package app.bar.platform.config;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;

/**
 * Spring Boot's own analyzers for binding failures print the offending value, which may be a
 * secret. This one runs first and names only the property and the rule.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class SafeBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        StringBuilder description = new StringBuilder("Invalid configuration under '")
                .append(cause.getName()).append("':");
        BindValidationException validation = findCause(cause, BindValidationException.class);
        if (validation != null) {
            for (var error : validation.getValidationErrors()) {
                String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
                description.append(System.lineSeparator()).append("  ").append(field).append(": ")
                        .append(error.getDefaultMessage());
            }
        } else {
            description.append(" the value cannot be read as ")
                    .append(cause.getTarget().getType()).append(" (value not shown)");
        }
        return new FailureAnalysis(description.toString(),
                "Correct the setting as the README's configuration table describes.", null);
    }
}
