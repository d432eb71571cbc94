package app.bar.platform.error;

/**
 * One entry of a problem's {@code errors}: the field's JSON name (or the parameter's name), the
 * rule it broke as a code, and the rule in words. Never the value that was sent.
 */
public record InvalidField(String field, String code, String message) {

    public InvalidField {
        BarProblem.checkCode(code);
    }
}
