package app.bar.admin;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.CurrentAccount;
import app.bar.platform.web.SafeCsv;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/audit?format=ndjson|csv}: security events and share lifecycle events for a
 * SIEM, oldest first, filtered by type, source, time range and account, a page of {@code limit}
 * rows at a time. {@code BAR-Next-Cursor} is the position after the page's last row (pass it as
 * {@code cursor} for the next page, or later to resume) and {@code BAR-Has-More} says whether the
 * page was full.
 * Admins only ({@link AdminRoutes}). Starting an export (no cursor) is recorded as an
 * {@code admin.action}.
 */
@RestController
class AuditExportController {

    static final int MAX_LIMIT = 5000;
    static final String NEXT_CURSOR = "BAR-Next-Cursor";
    static final String HAS_MORE = "BAR-Has-More";
    static final List<String> CSV_COLUMNS = List.of("source", "id", "occurredAt", "type", "accountId", "shareRef",
            "clientIp", "browser", "requestId", "detail");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String LIMIT_RULE = "must be between 1 and " + MAX_LIMIT;

    private final AuditExport export;
    private final SecurityEvents events;
    private final JsonMapper json;
    private final Clock clock;

    AuditExportController(AuditExport export, SecurityEvents events, JsonMapper json, Clock clock) {
        this.export = export;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/admin/audit")
    void audit(@RequestParam(defaultValue = "ndjson") String format,
            @RequestParam(required = false) @Nullable List<String> type,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String account,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "1000") @Min(value = 1, message = LIMIT_RULE)
            @Max(value = MAX_LIMIT, message = LIMIT_RULE) int limit,
            HttpServletResponse response) throws IOException {
        boolean csv = switch (format) {
            case "ndjson" -> false;
            case "csv" -> true;
            default -> throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "format", "must be ndjson or csv");
        };
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        if (!end.isAfter(start)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, "to", "must be after from");
        }
        AuditExport.Page page = export.page(new AuditExport.Query(start, end, types(type), sources(source),
                account(account), cursor == null ? null : AuditCursor.decode(cursor), limit));
        if (cursor == null) {
            events.record(SecurityEventType.ADMIN_ACTION, CurrentAccount.requireId(),
                    Map.of("action", "audit_export", "target", format));
        }
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bar-audit." + format + "\"");
        AuditCursor next = page.next();
        if (next != null) {
            response.setHeader(NEXT_CURSOR, next.encode());
        }
        response.setHeader(HAS_MORE, String.valueOf(page.more()));
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        if (csv) {
            out.write(SafeCsv.row(CSV_COLUMNS));
        }
        for (AuditExport.Row row : page.rows()) {
            out.write(csv ? csvLine(row) : json.writeValueAsString(object(row)) + "\n");
        }
        out.flush();
    }

    private static String csvLine(AuditExport.Row row) {
        return SafeCsv.row(Arrays.asList(row.sourceName(), row.id(), row.at(), row.type(), row.accountId(),
                row.shareRef(), row.clientIp(), row.browser(), row.requestId(), row.detail()));
    }

    private Map<String, @Nullable Object> object(AuditExport.Row row) {
        Map<String, @Nullable Object> line = new LinkedHashMap<>();
        line.put("source", row.sourceName());
        line.put("id", row.id());
        line.put("occurredAt", row.at().toString());
        line.put("type", row.type());
        line.put("accountId", row.accountId());
        line.put("shareRef", row.shareRef());
        line.put("clientIp", row.clientIp());
        line.put("browser", row.browser());
        line.put("requestId", row.requestId());
        line.put("detail", detail(row.detail()));
        return line;
    }

    /** The stored detail is a JSON object; anything else (a row from elsewhere) is kept as text. */
    private @Nullable Object detail(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (tools.jackson.core.JacksonException notJson) {
            return stored;
        }
    }

    private static Set<String> types(@Nullable List<String> types) {
        Set<String> result = new LinkedHashSet<>();
        if (types != null) {
            for (String value : types) {
                for (String one : value.split(",")) {
                    if (!TYPE.matcher(one.strip()).matches()) {
                        throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "type",
                                "each must be an event type such as login.failed or share.opened");
                    }
                    result.add(one.strip());
                }
            }
        }
        if (result.size() > 50) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "type", "at most 50 types", 1L, 50L);
        }
        return result;
    }

    private static Set<Integer> sources(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return Set.of(AuditExport.SECURITY, AuditExport.SHARE);
        }
        return switch (source.strip()) {
            case "security" -> Set.of(AuditExport.SECURITY);
            case "share" -> Set.of(AuditExport.SHARE);
            default -> throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "source", "must be security or share");
        };
    }

    private static @Nullable String account(@Nullable String account) {
        if (account == null || account.isBlank()) {
            return null;
        }
        if (!ACCOUNT.matcher(account.strip()).matches()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "account", "must be an account id");
        }
        return account.strip();
    }
}
