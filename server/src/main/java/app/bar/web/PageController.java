package app.bar.web;

import app.bar.branding.Branding;
import app.bar.web.i18n.Catalogues;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Maps the UI's routes to the pages, each put together once at start-up from the shared layout
 * ({@link PageLayout}) and served from memory. Each page is the same bytes whatever the route's
 * variable part: {@code /s/{id}} reads the share id from its own path and the key from the
 * fragment, which never reaches the server. Serving a page never touches a share, so a link
 * preview that fetches {@code /s/{id}} uses no view. Other paths keep the problem+json 404.
 * The security chain adds the CSP and the other headers, and {@code no-store}.
 */
@Controller
final class PageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** Route → page under {@code pages/}. {@code /verify-email} is the link the verification mail carries. */
    static final Map<String, String> PAGES = Map.of(
            "/", "index",
            "/login", "login",
            "/register", "register",
            "/verify", "verify",
            "/verify-email", "verify",
            "/reset", "reset",
            "/dashboard", "dashboard",
            "/settings", "settings",
            "/admin", "admin",
            "/help/https", "help-https");
    /** The open page's route; ids are base64url, anything else is the API's 404. */
    static final String OPEN = "/s/{id:[A-Za-z0-9_-]{1,100}}";
    /** The burn chat's page: a room ({@code /c/{id}#<room key>}) or {@code /c/new}. */
    static final String CHAT = "/c/{id:[A-Za-z0-9_-]{1,100}}";
    /** Requests for a secret: {@code /r/new}, the filler's {@code /r/{id}#<public key>}, the requester's {@code /r/{id}/open#<private key>}. */
    static final String REQUEST = "/r/{id:[A-Za-z0-9_-]{1,100}}";
    static final String REQUEST_OPEN = "/r/{id:[A-Za-z0-9_-]{1,100}}/open";

    /** page → language → bytes. */
    private final Map<String, Map<String, byte[]>> html = new HashMap<>();
    private final Catalogues catalogues;

    PageController(Branding branding, Catalogues catalogues) {
        this.catalogues = catalogues;
        PageLayout layout = PageLayout.load(new PageBranding(branding), catalogues);
        Set<String> pages = new TreeSet<>(PAGES.values());
        pages.add("open");
        pages.add("chat");
        pages.add("request");
        for (String page : pages) {
            Map<String, byte[]> languages = new HashMap<>();
            for (String lang : catalogues.languages()) {
                languages.put(lang, layout.render(page, lang));
            }
            html.put(page, languages);
        }
    }

    @GetMapping({"/", "/login", "/register", "/verify", "/verify-email", "/reset", "/dashboard", "/settings", "/admin",
        "/help/https"})
    ResponseEntity<byte[]> page(HttpServletRequest request) {
        String page = PAGES.get(request.getRequestURI().substring(request.getContextPath().length()));
        return html(page == null ? "index" : page, request);
    }

    @GetMapping(OPEN)
    ResponseEntity<byte[]> open(HttpServletRequest request) {
        return html("open", request);
    }

    @GetMapping(CHAT)
    ResponseEntity<byte[]> chat(HttpServletRequest request) {
        return html("chat", request);
    }

    @GetMapping({REQUEST, REQUEST_OPEN})
    ResponseEntity<byte[]> request(HttpServletRequest request) {
        return html("request", request);
    }

    /**
     * The page in the reader's language: the picker's cookie, else Accept-Language, else English
     * ({@link Catalogues#negotiate}); caches are told the answer depends on both.
     */
    private ResponseEntity<byte[]> html(String page, HttpServletRequest request) {
        String lang = catalogues.negotiate(cookie(request), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return ResponseEntity.ok().contentType(HTML)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE)
                .header(HttpHeaders.CONTENT_LANGUAGE, lang)
                .body(html.get(page).get(lang));
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Catalogues.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
