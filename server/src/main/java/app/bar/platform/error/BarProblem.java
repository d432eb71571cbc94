package app.bar.platform.error;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The domain's errors, each with the HTTP answer it becomes and a stable machine-readable
 * {@link #code() code} that clients switch on (one {@code @RestControllerAdvice} maps them to
 * {@code ProblemDetail}). A detail is written for people: it says what the client did wrong and
 * never echoes input back. Each module keeps its codes as constants in one class
 * ({@link ProblemCodes} for the generic ones); {@code docs/errors.md} lists them all.
 *
 * <p>{@link NotFound}, {@link PayloadTooLarge} and {@link RateLimited#RateLimited(Duration)} have
 * one meaning each and so one code; every other problem names its code.
 */
public abstract sealed class BarProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String detail;

    private BarProblem(HttpStatus status, String code, String detail) {
        // checked before the superclass is built, so a refused code leaves no half-made object
        super(checked(code, detail), null, false, false); // no stack trace: these are answers, not bugs
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    private static String checked(String code, String detail) {
        checkCode(code);
        return Objects.requireNonNull(detail);
    }

    /** Fails fast on a code that is not {@code area.what} in lower snake case (say, arguments swapped). */
    static String checkCode(String code) {
        if (!isCode(code)) {
            throw new IllegalArgumentException("a problem code is area.what in lower snake case, such as "
                    + "request.invalid; got '" + code + "'");
        }
        return code;
    }

    /** {@code [a-z][a-z0-9_]*} parts joined by dots, at least two (a loop, not a regex: no backtracking). */
    private static boolean isCode(String code) {
        String[] parts = code.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.charAt(0) < 'a' || part.charAt(0) > 'z') {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                    return false;
                }
            }
        }
        return true;
    }

    public HttpStatus status() {
        return status;
    }

    /** What went wrong, for programs: stable across versions and languages. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /**
     * 400: a field breaks a rule. The problem's code is {@link ProblemCodes#REQUEST_INVALID};
     * {@link #fieldCode()} names the rule and goes into the {@code errors} entry with the field's
     * JSON name and {@code reason}.
     */
    public static final class Invalid extends BarProblem {
        private final String field;
        private final String fieldCode;
        private final @Nullable Long min;
        private final @Nullable Long max;

        public Invalid(String fieldCode, String field, String reason) {
            this(fieldCode, field, reason, null, null);
        }

        /**
         * A rule with bounds ({@link ProblemCodes#FIELD_SIZE}, {@link ProblemCodes#FIELD_OUT_OF_RANGE}):
         * {@code min} and {@code max} (either may be null) in the field's own unit go into the
         * {@code errors} entry, so a client can say the range in its own words.
         */
        public Invalid(String fieldCode, String field, String reason, @Nullable Long min, @Nullable Long max) {
            super(HttpStatus.BAD_REQUEST, ProblemCodes.REQUEST_INVALID, reason);
            this.fieldCode = checkCode(fieldCode);
            this.field = Objects.requireNonNull(field);
            this.min = min;
            this.max = max;
        }

        public String field() {
            return field;
        }

        public String fieldCode() {
            return fieldCode;
        }

        public @Nullable Long min() {
            return min;
        }

        public @Nullable Long max() {
            return max;
        }
    }

    /** 401, optionally with extra members a client acts on (numbers and flags, never input or secrets). */
    public static final class Unauthorized extends BarProblem {
        private final Map<String, Object> properties;

        public Unauthorized(String code, String detail) {
            this(code, detail, Map.of());
        }

        public Unauthorized(String code, String detail, Map<String, Object> properties) {
            super(HttpStatus.UNAUTHORIZED, code, detail);
            this.properties = Map.copyOf(properties);
        }

        /** Members added to the problem body, such as a share's {@code attemptsLeft}. */
        public Map<String, Object> properties() {
            return properties;
        }
    }

    /** 403. */
    public static final class Forbidden extends BarProblem {
        public Forbidden(String code, String detail) {
            super(HttpStatus.FORBIDDEN, code, detail);
        }
    }

    /** 404, one body for "never existed", "expired" and "destroyed". */
    public static final class NotFound extends BarProblem {
        public NotFound() {
            super(HttpStatus.NOT_FOUND, ProblemCodes.RESOURCE_NOT_FOUND, "The resource does not exist.");
        }
    }

    /** 409. */
    public static final class Conflict extends BarProblem {
        public Conflict(String code, String detail) {
            super(HttpStatus.CONFLICT, code, detail);
        }
    }

    /** 413. */
    public static final class PayloadTooLarge extends BarProblem {
        public PayloadTooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.REQUEST_BODY_TOO_LARGE, "The request body is larger than allowed.");
        }
    }

    /** 408: the request body arrived too slowly. */
    public static final class RequestTimeout extends BarProblem {
        public RequestTimeout(String code, String detail) {
            super(HttpStatus.REQUEST_TIMEOUT, code, detail);
        }
    }

    /** 422: well-formed but refused (for example, a virus scanner's verdict). */
    public static final class Unprocessable extends BarProblem {
        public Unprocessable(String code, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
        }
    }

    /** Answers that ask the client to come back later: {@code Retry-After} in whole seconds. */
    public abstract static sealed class Delayed extends BarProblem {
        private final Duration retryAfter;

        private Delayed(HttpStatus status, String code, String detail, Duration retryAfter) {
            super(status, code, detail);
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /** 423: locked for a while (a share after five wrong passwords). */
    public static final class Locked extends Delayed {
        public Locked(String code, String detail, Duration retryAfter) {
            super(HttpStatus.LOCKED, code, detail, retryAfter);
        }
    }

    /** 429. */
    public static final class RateLimited extends Delayed {
        public RateLimited(Duration retryAfter) {
            this(ProblemCodes.RATE_LIMITED, ProblemCodes.genericDetail(429), retryAfter);
        }

        public RateLimited(String code, String detail, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, code, detail, retryAfter);
        }
    }

    /** 507: the storage is full (a disk out of space); nothing was kept. */
    public static final class InsufficientStorage extends Delayed {
        public InsufficientStorage(String detail, Duration retryAfter) {
            super(HttpStatus.INSUFFICIENT_STORAGE, ProblemCodes.SERVER_INSUFFICIENT_STORAGE, detail, retryAfter);
        }
    }

    /**
     * 503: overloaded or a dependency is down. With a {@code hold}, the answer is sent that long
     * after the refusal, without a request thread waiting ({@link HeldAnswers}): a client that
     * sends again as soon as it is answered then cannot make the refusals themselves a load.
     */
    public static final class Unavailable extends Delayed {
        private final Duration hold;

        public Unavailable(String code, String detail, Duration retryAfter) {
            this(code, detail, retryAfter, Duration.ZERO);
        }

        public Unavailable(String code, String detail, Duration retryAfter, Duration hold) {
            super(HttpStatus.SERVICE_UNAVAILABLE, code, detail, retryAfter);
            this.hold = requireHold(hold, retryAfter);
        }

        /** {@code hold}, when it is zero or positive and at most {@code retryAfter}; else refused. */
        public static Duration requireHold(Duration hold, Duration retryAfter) {
            if (hold.isNegative() || hold.compareTo(retryAfter) > 0) {
                throw new IllegalArgumentException("a refusal is held for no time or at most its Retry-After, "
                        + retryAfter.toSeconds() + " s");
            }
            return hold;
        }

        /** How long the answer waits before it is sent; zero: at once. */
        public Duration hold() {
            return hold;
        }
    }
}
