package app.bar.admin;

import app.bar.account.AccountAdministration;
import app.bar.account.AccountState;
import app.bar.account.AccountSummary;
import app.bar.audit.SecurityEventLog;
import app.bar.audit.SecurityEventType;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.CurrentAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/*}, for the {@code ADMIN} role only ({@link AdminRoutes}; the security chain enforces it). */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final AccountAdministration accounts;
    private final AdminActions actions;
    private final SecurityEventLog events;
    private final SystemStatus status;
    private final Clock clock;

    AdminController(AccountAdministration accounts, AdminActions actions, SecurityEventLog events, SystemStatus status,
            Clock clock) {
        this.accounts = accounts;
        this.actions = actions;
        this.events = events;
        this.status = status;
        this.clock = clock;
    }

    @GetMapping("/users")
    Page<AccountSummary> users(@RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") @Paging.PageNumber int page,
            @RequestParam(defaultValue = "50") @Paging.PageSize int size) {
        AccountState filter = state == null || state.isBlank() ? null : parseState(state);
        return new Page<>(accounts.list(filter, page, size), page, size, accounts.count(filter));
    }

    @PostMapping("/users/{id}/approve")
    AccountSummary approve(@PathVariable String id) {
        return actions.approve(CurrentAccount.requireId(), id);
    }

    @PostMapping("/users/{id}/pause")
    AccountSummary pause(@PathVariable String id) {
        return actions.pause(CurrentAccount.requireId(), id);
    }

    @PostMapping("/users/{id}/resume")
    AccountSummary resume(@PathVariable String id) {
        return actions.resume(CurrentAccount.requireId(), id);
    }

    @DeleteMapping("/users/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        actions.delete(CurrentAccount.requireId(), id);
        return ResponseEntity.noContent().build();
    }

    /** Removes the user's second factors (a lost phone): {@code mfa.reset} and {@code admin.action}. */
    @DeleteMapping("/users/{id}/mfa")
    ResponseEntity<Void> resetFactors(@PathVariable String id) {
        actions.resetFactors(CurrentAccount.requireId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/security-events")
    Page<SecurityEventLog.SecurityEventView> securityEvents(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Paging.PageNumber int page,
            @RequestParam(defaultValue = "50") @Paging.PageSize int size) {
        SecurityEventType filter = type == null || type.isBlank() ? null : parseType(type);
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        return new Page<>(events.find(filter, start, end, page, size), page, size, events.count(filter, start, end));
    }

    @GetMapping("/status")
    SystemStatus.Report status() {
        return status.report();
    }

    /** A page of results and how many there are in all. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    private static AccountState parseState(String state) {
        try {
            return AccountState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "state",
                    "must be one of " + List.of(AccountState.values()));
        }
    }

    private static SecurityEventType parseType(String type) {
        try {
            return SecurityEventType.ofCode(type.strip());
        } catch (IllegalArgumentException e) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "type",
                    "must be a security event type such as login.failed");
        }
    }
}
