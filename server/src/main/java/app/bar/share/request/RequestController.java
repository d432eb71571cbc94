package app.bar.share.request;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.Password;
import app.bar.platform.web.CurrentAccount;
import app.bar.platform.web.PublicUrl;
import app.bar.share.core.Requester;
import app.bar.share.create.ExpiresIn;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The request API of {@code docs/shares.md} ("Requests"): bind, call {@link SecretRequests}, map to a DTO. */
@RestController
final class RequestController {

    private final SecretRequests requests;
    private final PublicUrl publicUrl;

    RequestController(SecretRequests requests, PublicUrl publicUrl) {
        this.requests = requests;
        this.publicUrl = publicUrl;
    }

    /** {@code POST /api/requests}: every field optional. */
    record CreateRequest(@Nullable String note, @Nullable ExpiresIn expiresIn, @Nullable ExpiresIn shareExpiresIn,
            @Nullable Integer maxBytes, @Nullable Integer maxViews, @Nullable Password password,
            @Nullable Boolean notifyByEmail) {
        @Override
        public String toString() {
            return "CreateRequest[]";
        }
    }

    /**
     * {@code POST /api/requests/{id}/fulfil}: the answer, sealed in the browser; a text in
     * {@code text}, or ({@code kind: "file"}) files, whose container of {@code size} bytes is uploaded next.
     */
    record FulfilRequest(@Nullable String kind, @Nullable String ephemeralPublic, @Nullable String linkVerifier,
            char @Nullable [] text, @Nullable Long size, @Nullable Password password) {
        @Override
        public String toString() {
            return "FulfilRequest[]";
        }
    }

    /** A file answer's upload: {@code PUT uploadUrl} with {@code Authorization: Bearer uploadToken}, before {@code expiresAt}. */
    record FileUpload(String uploadUrl, String uploadToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "FileUpload[]";
        }
    }

    /** The requester's view of a request; {@code url} takes the public key as its fragment. */
    record OwnRequest(String id, String url, String note, String state, int maxBytes, int maxViews, boolean requiresPassword,
            Instant createdAt, Instant expiresAt, @Nullable Instant fulfilledAt, @Nullable String shareId,
            @Nullable String ephemeralPublic, boolean notifyByEmail) {
    }

    /** What the filler sees: the note, until when, how much, whether a password is asked. */
    record OpenRequest(String id, String note, int maxBytes, boolean requiresPassword, Instant expiresAt) {
    }

    @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OwnRequest> create(@RequestBody(required = false) @Nullable CreateRequest body) {
        CreateRequest r = body == null ? new CreateRequest(null, null, null, null, null, null, null) : body;
        SecretRequest created = requests.create(CurrentAccount.requireId(), r.note(), r.expiresIn(), r.shareExpiresIn(),
                r.maxBytes(), r.maxViews(), r.password(), Boolean.TRUE.equals(r.notifyByEmail()));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(own(created));
    }

    @GetMapping("/api/requests")
    ResponseEntity<List<OwnRequest>> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(requests.ofOwner(CurrentAccount.requireId()).stream().map(this::own).toList());
    }

    @GetMapping("/api/requests/{id}")
    ResponseEntity<OpenRequest> open(@PathVariable String id) {
        SecretRequest r = requests.open(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new OpenRequest(r.id(), r.note(), r.maxBytes(), r.requiresPassword(), r.expiresAt()));
    }

    @GetMapping("/api/requests/{id}/answer")
    ResponseEntity<OwnRequest> answer(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(own(requests.owned(id, CurrentAccount.requireId())));
    }

    /** A text answer is {@code 204} with no body; a file answer {@code 200} with where to upload it. */
    @PostMapping(path = "/api/requests/{id}/fulfil", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FileUpload> fulfil(@PathVariable String id, @RequestBody FulfilRequest body, HttpServletRequest http) {
        if ("file".equals(body.kind())) {
            SecretRequests.FileAnswer answer = requests.fulfilWithFiles(id, body.ephemeralPublic(), body.linkVerifier(),
                    body.size(), body.password(), Requester.of(http, null));
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new FileUpload(
                    "/api/shares/" + answer.shareId() + "/content", answer.uploadToken(), answer.expiresAt()));
        }
        if (body.kind() != null && !"text".equals(body.kind())) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "kind", "must be text or file");
        }
        requests.fulfil(id, body.ephemeralPublic(), body.linkVerifier(), body.text(), body.password(),
                Requester.of(http, null));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).<FileUpload>build();
    }

    @DeleteMapping("/api/requests/{id}")
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        requests.withdraw(id, CurrentAccount.requireId());
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    private OwnRequest own(SecretRequest r) {
        return new OwnRequest(r.id(), publicUrl.resolve("/r/" + r.id()), r.note(), state(r), r.maxBytes(), r.maxViews(),
                r.requiresPassword(), r.createdAt(), r.expiresAt(), r.fulfilledAt(), r.shareId(), r.ephemeralPublic(),
                r.notifyByEmail());
    }

    private String state(SecretRequest r) {
        return switch (r.state()) {
            case FULFILLED -> "fulfilled";
            case LOCKED -> "locked";
            case FILLING -> "open";
            case OPEN -> r.expiresAt().isAfter(Instant.now()) ? "open" : "expired";
        };
    }
}
