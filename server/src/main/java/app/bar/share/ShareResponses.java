package app.bar.share;

import app.bar.platform.config.BarProperties;
import app.bar.share.core.ShareRow;
import app.bar.share.create.ContentTypes;
import app.bar.share.create.Filenames;
import app.bar.share.create.ShareCreation;
import app.bar.share.open.ShareContent;
import app.bar.share.open.ShareUnlock;
import app.bar.share.open.ViewerStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The DTOs and headers of the share API: only the fields a client needs (ASVS 15.3.1), links
 * built from {@code BAR_PUBLIC_URL} (never from the Host header), and downloads that a browser
 * can only save, never render on our origin (ASVS 3.2.1, 14.3.2).
 */
@Component
final class ShareResponses {

    static final String DOWNLOAD_CSP = "default-src 'none'; sandbox";

    private final String publicUrl;
    private final boolean secureCookies;

    ShareResponses(BarProperties properties) {
        String url = properties.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.secureCookies = publicUrl.startsWith("https://");
    }

    Map<String, Object> created(ShareCreation.Created c) {
        Map<String, Object> body = new LinkedHashMap<>();
        String id = c.id().value();
        body.put("id", id);
        body.put("shareUrl", publicUrl + "/s/" + id);
        body.put("manageToken", c.manageToken());
        if (c.needsUpload()) {
            body.put("uploadUrl", publicUrl + "/api/shares/" + id + "/content");
        }
        body.put("expiresAt", c.expiresAt().toString());
        body.put("maxViews", c.maxViews());
        if (c.webhookSecret() != null) {
            body.put("webhookSecret", c.webhookSecret()); // shown once: only its sealed form is stored
        }
        return body;
    }

    Map<String, Object> metadata(ShareRow s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", s.kind().value());
        body.put("requiresPassword", s.policy().requiresPassword());
        body.put("requiresOtp", s.policy().requireOtp());
        body.put("zeroKnowledge", s.policy().zeroKnowledge());
        body.put("viewOnly", s.policy().viewOnly());
        body.put("expiresAt", s.expiresAt().toString());
        return body;
    }

    Map<String, Object> unlocked(ShareUnlock.Result r) {
        ShareRow s = Objects.requireNonNull(r.share());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", r.ticket());
        body.put("expiresIn", r.expiresInSeconds());
        body.put("kind", s.kind().value());
        body.put("filename", s.content().filename());
        body.put("size", s.content().sizeBytes());
        body.put("contentType", servedType(s));
        body.put("viewOnly", s.policy().viewOnly());
        return body;
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
        String viewerToken = opened.viewerToken();
        if (viewerToken != null) {
            ResponseCookie cookie = ResponseCookie.from(ViewerStore.COOKIE, viewerToken)
                    .path("/api/shares/" + s.id().value())
                    .maxAge(Objects.requireNonNull(s.policy().viewRefresh()))
                    .httpOnly(true)
                    .secure(secureCookies)
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
