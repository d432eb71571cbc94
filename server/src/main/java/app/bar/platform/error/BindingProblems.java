package app.bar.platform.error;

import app.bar.platform.secrets.Password;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Spring's binding and validation failures into problems that name the field or
 * parameter and the rule, never the value: Jakarta constraints, unknown or mistyped JSON
 * fields, malformed JSON, and path variables, query parameters and headers that do not convert.
 */
final class BindingProblems {

    /** Jakarta constraint → the rule's code. */
    private static final Map<String, String> CONSTRAINT_CODES = Map.ofEntries(
            Map.entry("NotNull", ProblemCodes.FIELD_REQUIRED), Map.entry("NotBlank", ProblemCodes.FIELD_REQUIRED),
            Map.entry("NotEmpty", ProblemCodes.FIELD_REQUIRED), Map.entry("Size", ProblemCodes.FIELD_SIZE),
            Map.entry("Min", ProblemCodes.FIELD_OUT_OF_RANGE), Map.entry("Max", ProblemCodes.FIELD_OUT_OF_RANGE),
            Map.entry("DecimalMin", ProblemCodes.FIELD_OUT_OF_RANGE), Map.entry("DecimalMax", ProblemCodes.FIELD_OUT_OF_RANGE),
            Map.entry("Positive", ProblemCodes.FIELD_OUT_OF_RANGE), Map.entry("PositiveOrZero", ProblemCodes.FIELD_OUT_OF_RANGE),
            Map.entry("Negative", ProblemCodes.FIELD_OUT_OF_RANGE), Map.entry("NegativeOrZero", ProblemCodes.FIELD_OUT_OF_RANGE),
            Map.entry("Past", ProblemCodes.FIELD_OUT_OF_RANGE), Map.entry("Future", ProblemCodes.FIELD_OUT_OF_RANGE),
            Map.entry("Pattern", ProblemCodes.FIELD_FORMAT), Map.entry("Email", ProblemCodes.FIELD_FORMAT),
            Map.entry("typeMismatch", ProblemCodes.FIELD_WRONG_TYPE));

    private BindingProblems() {
    }

    static ProblemDetail of(BindingResult result) {
        List<InvalidField> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(field(error.getField(), error.getCode(), error.getDefaultMessage()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(field(error.getObjectName(), error.getCode(), error.getDefaultMessage()));
        }
        return Problems.invalid(ProblemCodes.REQUEST_INVALID, errors);
    }

    static ProblemDetail of(HandlerMethodValidationException e) {
        List<InvalidField> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(f -> errors.add(field(f.getField(), f.getCode(), f.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(field(name == null ? "parameter" : name,
                        lastCode(error.getCodes()), error.getDefaultMessage())));
            }
        });
        return Problems.invalid(ProblemCodes.REQUEST_INVALID, errors);
    }

    static ProblemDetail of(ConstraintViolationException e) {
        List<InvalidField> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String path = v.getPropertyPath().toString();
            errors.add(field(path.substring(path.lastIndexOf('.') + 1),
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
        }
        return Problems.invalid(ProblemCodes.REQUEST_INVALID, errors);
    }

    /** A body that did not bind: unknown field, wrong type, or not JSON at all. */
    static ProblemDetail of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalid(ProblemCodes.REQUEST_UNKNOWN_FIELD, List.of(new InvalidField(path(unknown),
                    ProblemCodes.FIELD_UNKNOWN, "is not a field of this request")));
        }
        if (cause instanceof MismatchedInputException || cause instanceof InputCoercionException) {
            JacksonException mismatch = (JacksonException) cause;
            Class<?> target = cause instanceof MismatchedInputException m ? m.getTargetType() : Number.class;
            String field = path(mismatch);
            if (!field.isEmpty()) {
                return Problems.invalid(ProblemCodes.REQUEST_WRONG_TYPE, List.of(new InvalidField(field,
                        ProblemCodes.FIELD_WRONG_TYPE, "must be " + expected(target))));
            }
        }
        String detail = cause instanceof StreamReadException || cause == null
                ? "The request body is missing or is not valid JSON."
                : "The request body does not have the expected shape.";
        return Problems.of(HttpStatus.BAD_REQUEST, ProblemCodes.REQUEST_MALFORMED_JSON, detail);
    }

    static ProblemDetail of(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(ProblemCodes.REQUEST_PARAMETER_INVALID, List.of(new InvalidField(e.getName(),
                ProblemCodes.FIELD_WRONG_TYPE, "must be " + expected(e.getRequiredType()))));
    }

    /** A missing query parameter, header or cookie (a missing path variable is the server's fault, not this). */
    static @Nullable ProblemDetail of(MissingRequestValueException e) {
        String name = null;
        if (e instanceof MissingServletRequestParameterException p) {
            name = p.getParameterName();
        } else if (e instanceof MissingRequestHeaderException h) {
            name = h.getHeaderName();
        } else if (e instanceof MissingRequestCookieException c) {
            name = c.getCookieName();
        } else if (e instanceof MissingPathVariableException v && v.isMissingAfterConversion()) {
            name = v.getVariableName();
        }
        return name == null ? null : Problems.invalid(ProblemCodes.REQUEST_PARAMETER_MISSING,
                List.of(new InvalidField(name, ProblemCodes.FIELD_REQUIRED, "is required")));
    }

    private static InvalidField field(String name, @Nullable String constraint, @Nullable String message) {
        String code = constraint == null ? ProblemCodes.FIELD_INVALID
                : CONSTRAINT_CODES.getOrDefault(constraint, ProblemCodes.FIELD_INVALID);
        return new InvalidField(name, code, message == null ? "is invalid" : message);
    }

    private static @Nullable String lastCode(String @Nullable [] codes) {
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }

    /** The JSON path of the field, names joined with dots (array positions left out). */
    private static String path(JacksonException e) {
        List<String> names = new ArrayList<>();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                names.add(reference.getPropertyName());
            }
        }
        return String.join(".", names);
    }

    /** What a value of {@code type} looks like, in words (the value sent is never repeated). */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number in range";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date and time";
        }
        if (type.isArray() && type != char[].class || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class || type == char[].class || CharSequence.class.isAssignableFrom(type)
                || type == Password.class) {
            return "a string";
        }
        return "an object of the documented shape";
    }
}
