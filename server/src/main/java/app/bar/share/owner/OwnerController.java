package app.bar.share.owner;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.web.CurrentAccount;
import app.bar.platform.web.SafeCsv;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The signed-in owner's dashboard API: their shares, a share's label and its access log, and mailing a share's link. */
@RestController
final class OwnerController {

    private final OwnedShares owned;
    private final ShareLinkMails linkMails;
    private final JsonMapper json;

    OwnerController(OwnedShares owned, ShareLinkMails linkMails, JsonMapper json) {
        this.owned = owned;
        this.linkMails = linkMails;
        this.json = json;
    }

    /** {@code GET /api/shares}: the owner's shares, newest first. */
    record ShareList(List<OwnedShares.Summary> shares) {
    }

    /** {@code GET /api/shares/{id}/events}: the share's access log, oldest first. */
    record AccessLogList(List<AccessLog.Entry> events) {
    }

    @GetMapping("/api/shares")
    ResponseEntity<ShareList> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ShareList(owned.list(account())));
    }

    /** {@code PUT /api/shares/{id}/label}: the owner's label for a share; blank or null removes it. */
    record LabelRequest(@Nullable String label) {
    }

    /** The label as stored (trimmed, normalised), or null. */
    record LabelView(@Nullable String label) {
    }

    @PutMapping(path = "/api/shares/{id}/label", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LabelView> label(@PathVariable String id, @RequestBody LabelRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new LabelView(owned.label(account(), id, request.label())));
    }

    /**
     * {@code POST /api/shares/{id}/mail} (issue 18 item 4): mail the share's link, without the key
     * a zero-knowledge link carries in its fragment, to 1–10 addresses, with an optional note, in
     * {@code language} (the sender's page language; English when not offered).
     */
    record MailRequest(@Nullable List<@Nullable String> to, @Nullable String note, @Nullable String language) {
    }

    /** {@code 202}: how many mails were queued, and whether the mailed link opens the share by itself. */
    record MailAnswer(int queued, boolean keyIncluded) {
    }

    @PostMapping(path = "/api/shares/{id}/mail", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MailAnswer> mail(@PathVariable String id, @RequestBody MailRequest request) {
        ShareLinkMails.Queued queued = linkMails.send(account(), id, request.to(), request.note(), request.language());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(new MailAnswer(queued.queued(), queued.keyIncluded()));
    }

    /**
     * JSON by default; {@code ?format=csv} or {@code ?format=ndjson} exports it as a file (CSV cells
     * neutralised against formula injection). The log outlives the share until
     * {@code bar.shares.tombstone-retention} after its expiry.
     */
    @GetMapping("/api/shares/{id}/events")
    ResponseEntity<?> events(@PathVariable String id, @RequestParam(required = false) @Nullable String format) {
        List<AccessLog.Entry> log = owned.events(account(), id);
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new AccessLogList(log));
        }
        StringBuilder body = new StringBuilder(64 * (log.size() + 1));
        MediaType type;
        if (format.equals("csv")) {
            type = new MediaType("text", "csv", StandardCharsets.UTF_8);
            body.append(SafeCsv.row(List.of("at", "outcome", "ip", "browser")));
            log.forEach(e -> body.append(SafeCsv.row(Arrays.asList(e.at(), e.outcome(), e.ip(), e.browser()))));
        } else if (format.equals("ndjson")) {
            type = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);
            log.forEach(e -> body.append(json.writeValueAsString(e)).append('\n'));
        } else {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE, "format", "must be json, csv or ndjson");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bar-share-" + id + "-events." + format + "\"")
                .body(body.toString());
    }

    private static String account() {
        return CurrentAccount.requireId(); // 401 auth.required when nobody is signed in
    }
}
