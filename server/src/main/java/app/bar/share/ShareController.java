package app.bar.share;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.error.ProblemWriter;
import app.bar.platform.web.CurrentAccount;
import app.bar.share.core.ManageTokens;
import app.bar.share.core.Requester;
import app.bar.share.create.CreateShareRequest;
import app.bar.share.create.ShareCreation;
import app.bar.share.create.ShareUpload;
import app.bar.share.open.RecipientBurns;
import app.bar.share.open.ShareContent;
import app.bar.share.open.ShareUnlock;
import app.bar.share.open.ShareVisibility;
import app.bar.share.open.UnlockRequest;
import app.bar.share.open.ViewerStore;
import app.bar.share.owner.OwnedShares;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The share API of DESIGN.md §2: bind, call one service, map to a DTO. */
@RestController
final class ShareController {

    private final ShareCreation creation;
    private final ShareUpload upload;
    private final ShareVisibility visibility;
    private final ShareUnlock unlock;
    private final ShareContent content;
    private final OwnedShares owned;
    private final ShareResponses responses;
    private final ProblemWriter problems;
    private final RecipientBurns recipientBurns;

    ShareController(ShareCreation creation, ShareUpload upload, ShareVisibility visibility, ShareUnlock unlock,
            ShareContent content, OwnedShares owned, ShareResponses responses, ProblemWriter problems,
            RecipientBurns recipientBurns) {
        this.recipientBurns = recipientBurns;
        this.creation = creation;
        this.upload = upload;
        this.visibility = visibility;
        this.unlock = unlock;
        this.content = content;
        this.owned = owned;
        this.responses = responses;
        this.problems = problems;
    }

    record TicketRequest(@Nullable String ticket) {
        @Override
        public String toString() {
            return "TicketRequest[hidden]";
        }
    }

    @PostMapping(path = "/api/shares", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShareResponses.CreatedShare> create(@RequestBody CreateShareRequest request, HttpServletRequest http) {
        ShareCreation.Created created = creation.create(request, who(http));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(responses.created(created));
    }

    @PutMapping("/api/shares/{id}/content")
    ResponseEntity<ShareResponses.UploadedContent> upload(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest http) throws IOException {
        String token = ManageTokens.fromHeader(authorization);
        if (token == null) {
            throw new BarProblem.Unauthorized(ShareCodes.MANAGE_TOKEN_REQUIRED,
                    "Send the share's manage token as 'Authorization: Bearer bar_mt_...'.");
        }
        ShareUpload.Uploaded result = upload.upload(id, token, http.getInputStream(), http.getContentLengthLong());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ShareResponses.uploaded(id, result));
    }

    @GetMapping("/api/shares/{id}")
    ResponseEntity<ShareResponses.ShareMetadata> metadata(@PathVariable String id,
            @CookieValue(name = ViewerStore.COOKIE, required = false) @Nullable String viewer) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(responses.metadata(visibility.visible(id, viewer)));
    }

    @PostMapping(path = "/api/shares/{id}/unlock", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShareResponses.UnlockAnswer> unlock(@PathVariable String id,
            @RequestBody(required = false) @Nullable UnlockRequest request,
            @CookieValue(name = ViewerStore.COOKIE, required = false) @Nullable String viewer, HttpServletRequest http) {
        ShareUnlock.Result result = unlock.unlock(id, request == null ? UnlockRequest.EMPTY : request, viewer, who(http));
        if (result.otpSent()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                    .body(ShareResponses.OtpSent.INSTANCE);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(responses.unlocked(result));
    }

    @PostMapping(path = "/api/shares/{id}/content", consumes = MediaType.APPLICATION_JSON_VALUE)
    void contentJson(@PathVariable String id, @RequestBody TicketRequest request,
            @CookieValue(name = ViewerStore.COOKIE, required = false) @Nullable String viewer, HttpServletRequest http,
            HttpServletResponse response) throws IOException {
        stream(id, request.ticket(), viewer, http, response);
    }

    @PostMapping(path = "/api/shares/{id}/content", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    void contentForm(@PathVariable String id, @RequestParam(name = "ticket", required = false) @Nullable String ticket,
            @CookieValue(name = ViewerStore.COOKIE, required = false) @Nullable String viewer, HttpServletRequest http,
            HttpServletResponse response) throws IOException {
        stream(id, ticket, viewer, http, response);
    }

    /** How the share stands, for the holder of its manage token: the manage link's page (issue 13 item 5). */
    @GetMapping("/api/shares/{id}/status")
    ResponseEntity<OwnedShares.ManageStatus> status(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(owned.status(id, ManageTokens.fromHeader(authorization)));
    }

    /** A reader burns a share after reading, with the burn token its download carried (issue 13 item 6). */
    @PostMapping(path = "/api/shares/{id}/burn", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> recipientBurn(@PathVariable String id, @RequestBody RecipientBurnRequest request,
            HttpServletRequest http) {
        recipientBurns.burn(id, request.burnToken(), who(http));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    /** {@code POST /api/shares/{id}/burn}: the {@code BAR-Burn-Token} of the reader's download. */
    record RecipientBurnRequest(@Nullable String burnToken) {
        @Override
        public String toString() {
            return "RecipientBurnRequest[hidden]";
        }
    }

    @DeleteMapping("/api/shares/{id}")
    ResponseEntity<Void> burn(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest http) {
        owned.burn(id, ManageTokens.fromHeader(authorization), who(http));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    /** A tamper cut: before the first byte it is a 404 (the share is gone now); after, the connection is aborted. */
    @ExceptionHandler(ShareContent.StreamCut.class)
    void cut(ShareContent.StreamCut e, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            throw e; // the container aborts the connection: the client sees a truncated body, never a clean end
        }
        response.reset();
        problems.write(response, new BarProblem.NotFound());
    }

    private void stream(String id, @Nullable String ticket, @Nullable String viewer, HttpServletRequest http,
            HttpServletResponse response) throws IOException {
        if (ticket == null || ticket.isBlank()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "ticket", "is required (from POST /api/shares/{id}/unlock)");
        }
        try (ShareContent.Opened opened = content.open(id, ticket, viewer, who(http))) {
            responses.download(opened, response);
            content.stream(opened, response.getOutputStream());
        }
    }

    private static Requester who(HttpServletRequest http) {
        return Requester.of(http, CurrentAccount.id().orElse(null));
    }
}
