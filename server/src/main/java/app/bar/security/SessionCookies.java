package app.bar.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The three browser cookies of a session (ASVS 3.3.1-3.3.4): access token and CSRF token at
 * {@code Path=/}, the refresh token only on {@value #REFRESH_PATH} (refresh and logout). All are
 * {@code Secure; SameSite=Strict} without {@code Domain}; all but the CSRF cookie are
 * {@code HttpOnly}. In production the names carry {@code __Host-} (the refresh cookie, which
 * cannot have {@code Path=/}, carries {@code __Secure-}). Remember-me sessions get persistent
 * cookies; others end with the browser.
 */
@Component
public final class SessionCookies {

    public static final String REFRESH_PATH = "/api/auth";

    private final String access;
    private final String refresh;
    private final String csrf;

    SessionCookies(SessionProperties properties) {
        String host = properties.cookiePrefixHost() ? "__Host-" : "";
        String secure = properties.cookiePrefixHost() ? "__Secure-" : "";
        this.access = host + "bar_access";
        this.refresh = secure + "bar_refresh";
        this.csrf = host + "bar_csrf";
    }

    public String accessName() {
        return access;
    }

    public String refreshName() {
        return refresh;
    }

    public String csrfName() {
        return csrf;
    }

    /**
     * Sets all three cookies. {@code persistentUntil} is the session's absolute end for a
     * remember-me session, {@code null} for a browser-session one.
     */
    public void write(HttpServletResponse response, AccessToken accessToken, String refreshToken, String csrfToken,
            @Nullable Instant persistentUntil, Instant now) {
        Duration maxAge = persistentUntil == null ? null
                : Duration.ofSeconds((Duration.between(now, persistentUntil).toMillis() + 999) / 1000);
        add(response, cookie(access, accessToken.value(), "/", true, maxAge));
        add(response, cookie(refresh, refreshToken, REFRESH_PATH, true, maxAge));
        add(response, cookie(csrf, csrfToken, "/", false, maxAge));
    }

    /** Expires all three cookies. */
    public void clear(HttpServletResponse response) {
        add(response, cookie(access, "", "/", true, Duration.ZERO));
        add(response, cookie(refresh, "", REFRESH_PATH, true, Duration.ZERO));
        add(response, cookie(csrf, "", "/", false, Duration.ZERO));
    }

    public @Nullable String readRefresh(HttpServletRequest request) {
        return read(request, refresh);
    }

    @Nullable String readAccess(HttpServletRequest request) {
        return read(request, access);
    }

    @Nullable String readCsrf(HttpServletRequest request) {
        return read(request, csrf);
    }

    private static @Nullable String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static ResponseCookie cookie(String name, String value, String path, boolean httpOnly,
            @Nullable Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(name, value)
                .path(path)
                .secure(true)
                .httpOnly(httpOnly)
                .sameSite("Strict");
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    private static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
