package app.bar.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Maps the UI's routes to the static pages. Each page is the same file whatever the route's
 * variable part: {@code /s/{id}} reads the share id from its own path and the key from the
 * fragment, which never reaches the server. Serving a page never touches a share, so a link
 * preview that fetches {@code /s/{id}} uses no view. Other paths keep the problem+json 404.
 * The security chain adds the CSP and the other headers, and {@code no-store}.
 */
@Controller
final class PageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** Route → file under {@code static/}. {@code /verify-email} is the link the verification mail carries. */
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/login", "login.html",
            "/register", "register.html",
            "/verify", "verify.html",
            "/verify-email", "verify.html",
            "/reset", "reset.html",
            "/dashboard", "dashboard.html",
            "/admin", "admin.html");

    @GetMapping({"/", "/login", "/register", "/verify", "/verify-email", "/reset", "/dashboard", "/admin"})
    ResponseEntity<Resource> page(HttpServletRequest request) {
        String file = PAGES.get(request.getRequestURI().substring(request.getContextPath().length()));
        return html(file == null ? "index.html" : file);
    }

    /** The open page; ids are base64url, anything else is the API's 404. */
    @GetMapping("/s/{id:[A-Za-z0-9_-]{1,100}}")
    ResponseEntity<Resource> open() {
        return html("open.html");
    }

    private static ResponseEntity<Resource> html(String file) {
        return ResponseEntity.ok().contentType(HTML).body(new ClassPathResource("static/" + file));
    }
}
