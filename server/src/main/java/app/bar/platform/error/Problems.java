package app.bar.platform.error;

import app.bar.platform.web.RequestIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/**
 * RFC 9457 bodies. Every problem carries the request id (also as {@code instance}, a URN, so
 * Spring never fills {@code instance} with the request path) and a fixed, input-free detail.
 */
public final class Problems {

    private static final String TYPE_BASE = "urn:bar:problem:";

    private Problems() {
    }

    /** The standard body for a status, with the generic detail for it. */
    public static Map<String, Object> of(HttpStatusCode status) {
        return of(status, genericDetail(status.value()));
    }

    public static Map<String, Object> of(HttpStatusCode status, String detail) {
        return of(status, detail, RequestIds.current());
    }

    /** For code that runs outside the request's logging context (container valves). */
    public static Map<String, Object> of(HttpStatusCode status, String detail, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug(status.value()));
        body.put("title", title(status.value()));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", "urn:bar:request:" + requestId);
        body.put("requestId", requestId);
        return body;
    }

    /** A 400 naming fields and the rules they break. */
    public static Map<String, Object> invalid(List<Map<String, String>> errors) {
        Map<String, Object> body = of(HttpStatusCode.valueOf(400),
                "The request has invalid fields: " + String.join(", ", errors.stream().map(e -> e.get("field")).toList()) + ".");
        body.put("type", TYPE_BASE + "validation");
        body.put("errors", errors);
        return body;
    }

    public static String genericDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "The resource does not exist.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 409 -> "The request conflicts with the current state.";
            case 413 -> "The request body is larger than allowed.";
            case 414 -> "The request URI is too long.";
            case 415 -> "The request's Content-Type is not supported here.";
            case 429 -> "Too many requests; retry after the number of seconds in Retry-After.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is temporarily unavailable.";
            default -> status >= 500 ? "An internal error occurred." : "The request cannot be processed.";
        };
    }

    private static String title(int status) {
        var known = org.springframework.http.HttpStatus.resolve(status);
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
