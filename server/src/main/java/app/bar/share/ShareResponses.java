package app.bar.share;

import app.bar.platform.web.PublicUrl;
import app.bar.share.core.ShareRow;
import app.bar.share.create.ContentTypes;
import app.bar.share.create.Filenames;
import app.bar.share.create.ShareCreation;
import app.bar.share.open.ShareContent;
import app.bar.share.open.ShareUnlock;
import app.bar.share.open.ViewerStore;
import app.bar.share.create.ShareUpload;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The DTOs and headers of the share API: only the fields a client needs (ASVS 15.3.1), links
 * built from the public URL (never from the Host header), and downloads that a browser
 * can only save, never render on our origin (ASVS 3.2.1, 14.3.2).
 */
@Component
final class ShareResponses {

    static final String DOWNLOAD_CSP = "default-src 'none'; sandbox";
    /** Views left after this download; absent for unlimited shares. */
    public static final String VIEWS_LEFT = "BAR-Views-Left";
    /** The reader's token for {@code POST /api/shares/{id}/burn}, when the sender allowed recipients to burn. */
    public static final String BURN_TOKEN = "BAR-Burn-Token";

    private final PublicUrl publicUrl;

    ShareResponses(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    /**
     * {@code 201} of {@code POST /api/shares}: {@code uploadUrl} only for a file share,
     * {@code webhookSecret} only with a webhook (shown once: only its sealed form is stored);
     * {@code maxViews} is null for unlimited views.
     */
    record CreatedShare(String id, String shareUrl, String manageToken,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String uploadUrl, Instant expiresAt,
            @Nullable Integer maxViews, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String webhookSecret,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String groupId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<RecipientLink> recipients) {
        @Override
        public String toString() {
            return "CreatedShare[" + id + "]";
        }
    }

    /**
     * One link of per-recipient links (issue 18 item 3), in request order; {@code webhookSecret}
     * only with a webhook (each link has its own).
     */
    record RecipientLink(String id, String label, String shareUrl, String manageToken,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String webhookSecret) {
        @Override
        public String toString() {
            return "RecipientLink[" + id + "]";
        }
    }

    /** {@code GET /api/shares/{id}}: what opening will ask for; no view is used. */
    record ShareMetadata(String kind, boolean requiresPassword, boolean requiresOtp, boolean zeroKnowledge,
            boolean viewOnly, Instant expiresAt) {
    }

    /** What {@code unlock} answers: a ticket ({@code 200}), or word that a one-time code was sent ({@code 202}). */
    sealed interface UnlockAnswer permits UnlockedShare, OtpSent {
    }

    /**
     * {@code 200} of {@code unlock}: the single-use ticket and what it opens ({@code filename}, {@code size} may be
     * null); for a per-recipient link, {@code wrappedKey}: its recipient's content key wrapped under the link key.
     */
    record UnlockedShare(String ticket, long expiresIn, String kind, @Nullable String filename, @Nullable Long size,
            String contentType, boolean viewOnly,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String wrappedKey) implements UnlockAnswer {
        @Override
        public String toString() {
            return "UnlockedShare[hidden]";
        }
    }

    /** {@code 202} of {@code unlock} on a one-time-code share: a code is on its way (if the address is listed). */
    record OtpSent(String status) implements UnlockAnswer {
        static final OtpSent INSTANCE = new OtpSent("otp_sent");
    }

    /** {@code 200} of {@code PUT /api/shares/{id}/content}. */
    record UploadedContent(String id, long size, String contentType) {
    }

    CreatedShare created(ShareCreation.Created c) {
        String id = c.id().value();
        ShareId group = c.groupId();
        return new CreatedShare(id, publicUrl.resolve("/s/" + id), c.manageToken(),
                c.needsUpload() ? publicUrl.resolve("/api/shares/" + id + "/content") : null, c.expiresAt(), c.maxViews(),
                c.webhookSecret(), group == null ? null : group.value(), group == null ? null
                        : c.recipients().stream().map(link -> new RecipientLink(link.id().value(), link.label(),
                                publicUrl.resolve("/s/" + link.id().value()), link.manageToken(), link.webhookSecret()))
                                .toList());
    }

    ShareMetadata metadata(ShareRow s) {
        return new ShareMetadata(s.kind().value(), s.policy().requiresPassword(), s.policy().requireOtp(),
                s.policy().zeroKnowledge(), s.policy().viewOnly(), s.expiresAt());
    }

    UnlockedShare unlocked(ShareUnlock.Result r) {
        ShareRow s = Objects.requireNonNull(r.share());
        return new UnlockedShare(Objects.requireNonNull(r.ticket()), r.expiresInSeconds(), s.kind().value(),
                s.content().filename(), s.content().sizeBytes(), servedType(s), s.policy().viewOnly(),
                s.keys().recipientKey()); // a Result has a share only once its link passed its check
    }

    static UploadedContent uploaded(String id, ShareUpload.Uploaded u) {
        return new UploadedContent(id, u.size(), u.contentType());
    }

    void download(ShareContent.Opened opened, HttpServletResponse response) {
        ShareRow s = opened.share();
        response.setStatus(200);
        response.setContentType(servedType(s));
        String filename = s.content().filename();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                Filenames.attachment(filename != null ? filename : s.isText() ? "secret.txt" : Filenames.FALLBACK));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Security-Policy", DOWNLOAD_CSP);
        Long size = s.content().sizeBytes();
        if (size != null) {
            response.setContentLengthLong(size);
        }
        Integer viewsLeft = opened.viewsLeft();
        if (viewsLeft != null) {
            response.setHeader(VIEWS_LEFT, Integer.toString(viewsLeft)); // 0: this was the last view (issue 13 item 5)
        }
        String burnToken = opened.burnToken();
        if (burnToken != null) {
            response.setHeader(BURN_TOKEN, burnToken); // POST /api/shares/{id}/burn (issue 13 item 6)
        }
        String viewerToken = opened.viewerToken();
        if (viewerToken != null) {
            ResponseCookie cookie = ResponseCookie.from(ViewerStore.COOKIE, viewerToken)
                    .path("/api/shares/" + s.id().value())
                    .maxAge(Objects.requireNonNull(s.policy().viewRefresh()))
                    .httpOnly(true)
                    .secure(publicUrl.https())
                    .sameSite("Strict")
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
    }

    static String servedType(ShareRow s) {
        if (s.isText()) {
            return ContentTypes.TEXT_UTF8;
        }
        String sniffed = s.content().contentType();
        return ContentTypes.served(sniffed == null ? ContentTypes.OCTET_STREAM : sniffed);
    }
}
