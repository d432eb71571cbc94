package app.bar.platform.error;

import java.time.Duration;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The domain's errors, each with the HTTP answer it becomes (one {@code @RestControllerAdvice}
 * maps them to problem+json). A detail is written for the client: it says what the client did
 * wrong and never echoes input back.
 */
public abstract sealed class BarProblem extends RuntimeException {

    private final HttpStatus status;
    private final String detail;

    private BarProblem(HttpStatus status, String detail) {
        super(detail, null, false, false); // no stack trace: these are answers, not bugs
        this.status = status;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** 400: a field is wrong. {@code field} is the JSON name, {@code reason} the rule it breaks. */
    public static final class Invalid extends BarProblem {
        private final String field;

        public Invalid(String field, String reason) {
            super(HttpStatus.BAD_REQUEST, reason);
            this.field = Objects.requireNonNull(field);
        }

        public String field() {
            return field;
        }
    }

    /** 400 without a single field to blame. */
    public static final class BadRequest extends BarProblem {
        public BadRequest(String detail) {
            super(HttpStatus.BAD_REQUEST, detail);
        }
    }

    /** 401. */
    public static final class Unauthorized extends BarProblem {
        public Unauthorized(String detail) {
            super(HttpStatus.UNAUTHORIZED, detail);
        }
    }

    /** 403. */
    public static final class Forbidden extends BarProblem {
        public Forbidden(String detail) {
            super(HttpStatus.FORBIDDEN, detail);
        }
    }

    /** 404, one body for "never existed", "expired" and "destroyed". */
    public static final class NotFound extends BarProblem {
        public NotFound() {
            super(HttpStatus.NOT_FOUND, "The resource does not exist.");
        }
    }

    /** 409. */
    public static final class Conflict extends BarProblem {
        public Conflict(String detail) {
            super(HttpStatus.CONFLICT, detail);
        }
    }

    /** 413. */
    public static final class PayloadTooLarge extends BarProblem {
        public PayloadTooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than allowed.");
        }
    }

    /** 422: well-formed but refused (for example, a virus scanner's verdict). */
    public static final class Unprocessable extends BarProblem {
        public Unprocessable(String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        }
    }

    /** Answers that ask the client to come back later: {@code Retry-After} in whole seconds. */
    public abstract static sealed class Delayed extends BarProblem {
        private final Duration retryAfter;

        private Delayed(HttpStatus status, String detail, Duration retryAfter) {
            super(status, detail);
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /** 423: locked for a while (a share after five wrong passwords). */
    public static final class Locked extends Delayed {
        public Locked(String detail, Duration retryAfter) {
            super(HttpStatus.LOCKED, detail, retryAfter);
        }
    }

    /** 429. */
    public static final class RateLimited extends Delayed {
        public RateLimited(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after the number of seconds in Retry-After.",
                    retryAfter);
        }

        public RateLimited(String detail, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter);
        }
    }

    /** 503: overloaded or a dependency is down. */
    public static final class Unavailable extends Delayed {
        public Unavailable(String detail, Duration retryAfter) {
            super(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfter);
        }
    }
}
