package app.bar.platform.error;

/**
 * The problem codes that belong to no feature: malformed requests, fields that break a rule,
 * missing resources, authentication in general, limits and server trouble. Each module keeps
 * its own codes beside its code ({@code AccountCodes}, {@code SecurityCodes}, ...); every code
 * is in {@code docs/errors.md}, which a test holds to these constants.
 *
 * <p>A problem's {@code code} says what kind of problem it is. A problem about fields has
 * {@code errors: [{field, code, message}]}, where each {@code code} names the rule the field
 * broke: the {@code field.*} codes here, or a module's own.
 */
public final class ProblemCodes {

    // --- the request as a whole ---------------------------------------------------------------
    /** One or more fields break a rule; {@code errors} says which and why. */
    public static final String REQUEST_INVALID = "request.invalid";
    /** The body is missing or is not well-formed JSON. */
    public static final String REQUEST_MALFORMED_JSON = "request.malformed_json";
    /** The JSON body has a field the endpoint does not know; {@code errors[0].field} names it. */
    public static final String REQUEST_UNKNOWN_FIELD = "request.unknown_field";
    /** A JSON field has the wrong type (a string for a number, an object for a string...). */
    public static final String REQUEST_WRONG_TYPE = "request.wrong_type";
    /** A path variable, query parameter or header cannot be read as its type. */
    public static final String REQUEST_PARAMETER_INVALID = "request.parameter_invalid";
    /** A required query parameter, header or cookie is missing. */
    public static final String REQUEST_PARAMETER_MISSING = "request.parameter_missing";
    /** The request is malformed in a way no field explains (refused by the firewall or the container). */
    public static final String REQUEST_MALFORMED = "request.malformed";
    public static final String REQUEST_BODY_TOO_LARGE = "request.body_too_large";
    public static final String REQUEST_URI_TOO_LONG = "request.uri_too_long";
    public static final String REQUEST_HEADERS_TOO_LARGE = "request.headers_too_large";
    public static final String REQUEST_TIMEOUT = "request.timeout";
    /** The body arrived slower than the minimum rate ({@code bar.slow-body.min-rate}); the connection is closed. */
    public static final String REQUEST_TOO_SLOW = "request.too_slow";
    /** Well-formed but refused by a rule about its content. */
    public static final String REQUEST_UNPROCESSABLE = "request.unprocessable";
    /** Any other 4xx raised below the application (the container). */
    public static final String REQUEST_REFUSED = "request.refused";
    public static final String METHOD_NOT_ALLOWED = "method.not_allowed";
    public static final String MEDIA_TYPE_UNSUPPORTED = "media_type.unsupported";
    public static final String MEDIA_TYPE_NOT_ACCEPTABLE = "media_type.not_acceptable";

    // --- resources, authentication, limits -------------------------------------------------------
    public static final String RESOURCE_NOT_FOUND = "resource.not_found";
    public static final String RESOURCE_CONFLICT = "resource.conflict";
    public static final String RESOURCE_LOCKED = "resource.locked";
    /** No credentials, or none that are still good: sign in. */
    public static final String AUTH_REQUIRED = "auth.required";
    /** Signed in, but not allowed to do this. */
    public static final String ACCESS_DENIED = "access.denied";
    public static final String RATE_LIMITED = "rate_limit.exceeded";
    /** Too many request bodies being sent at once from one client address ({@code bar.slow-body.max-per-client}). */
    public static final String RATE_LIMIT_CONCURRENT_BODIES = "rate_limit.concurrent_bodies";

    // --- the server --------------------------------------------------------------------------
    public static final String SERVER_ERROR = "server.error";
    /** Too much work at once; come back after {@code Retry-After}. */
    public static final String SERVER_BUSY = "server.busy";
    /** Down for a moment (shutting down, a dependency away); come back after {@code Retry-After}. */
    public static final String SERVER_UNAVAILABLE = "server.unavailable";
    /** The storage is full: nothing was kept; come back after {@code Retry-After}. */
    public static final String SERVER_INSUFFICIENT_STORAGE = "server.insufficient_storage";

    // --- rules a field breaks (errors[].code) ------------------------------------------------------
    public static final String FIELD_REQUIRED = "field.required";
    /** Too short or too long (characters, bytes or entries). */
    public static final String FIELD_SIZE = "field.size";
    /** A number or time outside the allowed range. */
    public static final String FIELD_OUT_OF_RANGE = "field.out_of_range";
    /** Not in the expected format (an email address, an ISO-8601 instant, no control characters...). */
    public static final String FIELD_FORMAT = "field.format";
    /** Not one of the values the field allows. */
    public static final String FIELD_UNKNOWN_VALUE = "field.unknown_value";
    public static final String FIELD_UNKNOWN = "field.unknown";
    public static final String FIELD_WRONG_TYPE = "field.wrong_type";
    /** Any other rule. */
    public static final String FIELD_INVALID = "field.invalid";

    private ProblemCodes() {
    }

    /** The code of a bare status, for errors raised below the application (the container, a filter's sendError). */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> REQUEST_MALFORMED;
            case 401 -> AUTH_REQUIRED;
            case 403 -> ACCESS_DENIED;
            case 404 -> RESOURCE_NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> MEDIA_TYPE_NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> RESOURCE_CONFLICT;
            case 413 -> REQUEST_BODY_TOO_LARGE;
            case 414 -> REQUEST_URI_TOO_LONG;
            case 415 -> MEDIA_TYPE_UNSUPPORTED;
            case 422 -> REQUEST_UNPROCESSABLE;
            case 423 -> RESOURCE_LOCKED;
            case 429 -> RATE_LIMITED;
            case 431 -> REQUEST_HEADERS_TOO_LARGE;
            case 503 -> SERVER_UNAVAILABLE;
            default -> status >= 500 ? SERVER_ERROR : REQUEST_REFUSED;
        };
    }

    /** The detail of a bare status: what the client did wrong, in general words. */
    public static String genericDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "The resource does not exist.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 408 -> "The request took too long to arrive.";
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
}
