package app.bar.admin;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.CurrentAccount;
import app.bar.share.ShareModeration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share moderation (issue 20 item 1): {@code GET /api/admin/shares} (metadata only),
 * {@code DELETE /api/admin/shares/{id}} and {@code POST /api/admin/users/{id}/burn-shares}
 * (each with a reason, recorded), {@code GET /api/admin/shares/statistics}. Admins only
 * ({@link AdminRoutes}).
 */
@RestController
@Validated
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class ShareModerationController {

    static final int MAX_REASON = 500;
    private static final int STATISTICS_DAYS = 30;

    private final ShareModeration moderation;
    private final Clock clock;

    ShareModerationController(ShareModeration moderation, Clock clock) {
        this.moderation = moderation;
        this.clock = clock;
    }

    /** Why an administrator burns: required, 1 to {@value #MAX_REASON} characters. */
    record BurnRequest(@Nullable String reason) {
    }

    /** How many shares a burn by owner destroyed. */
    record Burned(int burned) {
    }

    /**
     * {@code owner}: an account id, or {@code anonymous} for shares without one; {@code minAge} /
     * {@code maxAge}: ISO-8601 durations ({@code P7D}, {@code PT12H}); {@code minSize} /
     * {@code maxSize}: stored bytes.
     */
    @GetMapping("/shares")
    ResponseEntity<AdminController.Page<ShareModeration.ListedShare>> shares(
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String minAge,
            @RequestParam(required = false) @Nullable String maxAge,
            @RequestParam(required = false) @Nullable Long minSize,
            @RequestParam(required = false) @Nullable Long maxSize,
            @RequestParam(defaultValue = "0") @Paging.PageNumber int page,
            @RequestParam(defaultValue = "50") @Paging.PageSize int size) {
        Instant now = clock.instant();
        boolean anonymous = "anonymous".equals(owner);
        ShareModeration.Filter filter = new ShareModeration.Filter(anonymous || blank(owner) ? null : owner.strip(),
                anonymous, blank(state) ? null : state, createdAgo(now, minAge, "minAge"), createdAgo(now, maxAge, "maxAge"),
                minSize, maxSize);
        ShareModeration.Listing listing = moderation.list(filter, page, size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AdminController.Page<>(listing.items(), page, size, listing.total()));
    }

    @GetMapping("/shares/statistics")
    ResponseEntity<ShareModeration.Statistics> statistics() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(moderation.statistics(STATISTICS_DAYS));
    }

    /** 204 when burned; 404 when there is no live share by that id; 400 {@code field.required} without a reason. */
    @DeleteMapping("/shares/{id}")
    ResponseEntity<Void> burn(@PathVariable String id, @RequestBody(required = false) @Nullable BurnRequest body) {
        String reason = reason(body);
        if (!moderation.burn(id, CurrentAccount.requireId(), reason)) {
            throw new BarProblem.NotFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** Burns every live share of the account; 200 with how many (0 when it has none). */
    @PostMapping("/users/{id}/burn-shares")
    Burned burnAllOf(@PathVariable String id, @RequestBody(required = false) @Nullable BurnRequest body) {
        String reason = reason(body);
        return new Burned(moderation.burnAllOwnedBy(id, CurrentAccount.requireId(), reason));
    }

    private static String reason(@Nullable BurnRequest body) {
        String given = body == null ? null : body.reason();
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "reason", "an administrator's burn needs a reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "reason", "must be 1 to " + MAX_REASON + " characters",
                    1L, (long) MAX_REASON);
        }
        return reason;
    }

    /** The creation time {@code age} before now; a 400 naming {@code field} when it is no ISO-8601 duration. */
    private static @Nullable Instant createdAgo(Instant now, @Nullable String age, String field) {
        if (blank(age)) {
            return null;
        }
        try {
            Duration duration = Duration.parse(age.strip());
            if (duration.isNegative()) {
                throw new DateTimeParseException("negative", age, 0);
            }
            return now.minus(duration);
        } catch (DateTimeParseException e) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field, "must be an ISO-8601 duration such as P7D");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
