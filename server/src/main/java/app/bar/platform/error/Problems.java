package app.bar.platform.error;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 bodies: Spring's {@link ProblemDetail} with a {@code urn:bar:problem:}
 * type, the status's title, a fixed, input-free detail and the {@code code} property;
 * {@code errors} for problems about fields. {@link ProblemWriter} adds the request id (as
 * {@code requestId} and as {@code instance}, a URN, so nothing ever fills {@code instance} with
 * the request path) when it writes them.
 */
public final class Problems {

    private static final String TYPE_BASE = "urn:bar:problem:";
    static final String CODE = "code";
    static final String REQUEST_ID = "requestId";
    static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug(status.value())));
        problem.setTitle(title(status.value()));
        problem.setProperty(CODE, BarProblem.checkCode(code));
        return problem;
    }

    /** The problem of a bare status (errors raised below the application), with its generic code and detail. */
    public static ProblemDetail forStatus(int status) {
        return of(HttpStatusCode.valueOf(status), ProblemCodes.forStatus(status), ProblemCodes.genericDetail(status));
    }

    /** A 400 about fields: {@code code} says what kind ({@code request.invalid}, {@code request.unknown_field}...). */
    public static ProblemDetail invalid(String code, List<InvalidField> errors) {
        String fields = String.join(", ", errors.stream().map(InvalidField::field).distinct().toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, code, switch (code) {
            case ProblemCodes.REQUEST_UNKNOWN_FIELD -> "The request has a field this endpoint does not know: " + fields + ".";
            case ProblemCodes.REQUEST_WRONG_TYPE -> "The request has a field of the wrong type: " + fields + ".";
            case ProblemCodes.REQUEST_PARAMETER_INVALID -> "The request has an invalid parameter: " + fields + ".";
            case ProblemCodes.REQUEST_PARAMETER_MISSING -> "The request lacks a required parameter: " + fields + ".";
            default -> "The request has invalid fields: " + fields + ".";
        });
        problem.setType(URI.create(TYPE_BASE + "validation"));
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /** The body of a domain problem. */
    public static ProblemDetail of(BarProblem problem) {
        if (problem instanceof BarProblem.Invalid invalid) {
            return invalid(invalid.code(), List.of(new InvalidField(invalid.field(), invalid.fieldCode(), invalid.detail(),
                    invalid.min(), invalid.max())));
        }
        ProblemDetail body = of(problem.status(), problem.code(), problem.detail());
        if (problem instanceof BarProblem.Unauthorized unauthorized) {
            unauthorized.properties().forEach(body::setProperty);
        }
        return body;
    }

    /** Stamps the request id, unless the problem carries one already. */
    static void identify(ProblemDetail problem, String requestId) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create("urn:bar:request:" + requestId));
            problem.setProperty(REQUEST_ID, requestId);
        }
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 423 -> "locked";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
