package app.bar.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a problem's {@code errors}: the field's JSON name (or the parameter's name), the
 * rule it broke as a code, and the rule in words. Never the value that was sent. A rule with
 * bounds ({@code field.size}, {@code field.out_of_range}) may give them as {@code min} and
 * {@code max} in the field's own unit (seconds for {@code expiresIn}, entries for a list...), so
 * a client can say the range in its own words and language; absent when unknown.
 */
public record InvalidField(String field, String code, String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long min,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long max) {

    public InvalidField {
        BarProblem.checkCode(code);
    }

    public InvalidField(String field, String code, String message) {
        this(field, code, message, null, null);
    }
}
