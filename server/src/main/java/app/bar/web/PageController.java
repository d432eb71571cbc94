package app.bar.web;

import app.bar.branding.Branding;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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

    private final Map<String, byte[]> html = new HashMap<>();

    PageController(Branding branding) {
        PageLayout layout = PageLayout.load(new PageBranding(branding));
        PAGES.values().forEach(page -> html.computeIfAbsent(page, layout::render));
        html.put("open", layout.render("open"));
        html.put("chat", layout.render("chat"));
    }

    @GetMapping({"/", "/login", "/register", "/verify", "/verify-email", "/reset", "/dashboard", "/settings", "/admin",
        "/help/https"})
    ResponseEntity<byte[]> page(HttpServletRequest request) {
        String page = PAGES.get(request.getRequestURI().substring(request.getContextPath().length()));
        return html(page == null ? "index" : page);
    }

    @GetMapping(OPEN)
    ResponseEntity<byte[]> open() {
        return html("open");
    }

    @GetMapping(CHAT)
    ResponseEntity<byte[]> chat() {
        return html("chat");
    }

    private ResponseEntity<byte[]> html(String page) {
        return ResponseEntity.ok().contentType(HTML).body(html.get(page));
    }
}
