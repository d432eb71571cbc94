package app.bar.security;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.KeyRing;
import app.bar.platform.secrets.StrongRandom;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Signed double-submit CSRF tokens bound to the session and to its current tokens (OWASP CSRF
 * cheat sheet, "signed double-submit cookie"): {@code random.HMAC(key, sessionId.generation.random)}.
 * The generation names the session's current refresh token and comes with it: a refresh (or
 * anything else that rotates the session's tokens) makes a new one, carried by the new access
 * token, so a CSRF token from before a refresh is refused after it. A request must send the token
 * both in the CSRF cookie and in the {@value #HEADER} header (or, for a form post, the
 * {@value #FORM_FIELD} field), the two must match, and the HMAC must verify for the session and
 * generation the request's credential belongs to, compared in constant time. A cookie an attacker
 * plants, even one minted for the attacker's own session, fails the last check.
 *
 * <p>Spring Security's {@code CookieCsrfTokenRepository} is the naive double submit (any
 * matching pair passes) and knows nothing of BAR's stateless sessions, so this small piece is
 * written here. The HMAC keys are derived from the JWT ring (HMAC of a fixed label), so they
 * rotate with it and never equal a signing key.
 */
@Component
public final class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "csrfToken";
    private static final byte[] LABEL = "bar csrf token v2".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> keys = new ArrayList<>(); // newest first
    private final SessionCookies cookies;
    private final SecurityEvents events;

    CsrfTokens(AccessTokens accessTokens, SessionCookies cookies, SecurityEvents events) {
        this.cookies = cookies;
        this.events = events;
        for (KeyRing.Entry entry : accessTokens.ring().entries()) {
            keys.add(hmac(entry.secret().toByteArray(), LABEL));
        }
    }

    /** A fresh token for the session's tokens of {@code generation}. */
    public String issue(String sessionId, String generation) {
        byte[] random = new byte[16];
        StrongRandom.current().nextBytes(random);
        String nonce = B64.encodeToString(random);
        return nonce + "." + B64.encodeToString(mac(keys.get(0), sessionId, generation, nonce));
    }

    /**
     * Refuses the request (403 and a {@code csrf.rejected} event) unless it carries a valid token
     * for {@code sessionId} and {@code generation} in both cookie and header (or form field).
     */
    public void require(HttpServletRequest request, String sessionId, @Nullable String generation,
            @Nullable String accountId) {
        if (generation == null || !isValid(request, sessionId, generation)) {
            events.record(SecurityEventType.CSRF_REJECTED, accountId, Map.of("method", request.getMethod()));
            throw new BarProblem.Forbidden(SecurityCodes.CSRF_INVALID,
                    "The CSRF token is missing or does not match; send the "
                    + "bar_csrf cookie's value in the X-CSRF-Token header.");
        }
    }

    boolean isValid(HttpServletRequest request, String sessionId, String generation) {
        String submitted = submitted(request);
        String cookie = cookies.readCsrf(request);
        if (submitted == null || cookie == null) {
            return false;
        }
        boolean pair = MessageDigest.isEqual(submitted.getBytes(StandardCharsets.US_ASCII),
                cookie.getBytes(StandardCharsets.US_ASCII));
        return pair && verify(submitted, sessionId, generation);
    }

    boolean verify(String token, String sessionId, String generation) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 200) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String nonce = token.substring(0, dot);
        boolean ok = false;
        for (byte[] key : keys) {
            ok |= MessageDigest.isEqual(presented, mac(key, sessionId, generation, nonce));
        }
        return ok;
    }

    private static @Nullable String submitted(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return header;
        }
        String type = request.getContentType();
        if (type == null) {
            return null;
        }
        try {
            if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))) {
                return request.getParameter(FORM_FIELD);
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return null;
        }
        return null;
    }

    /** Session ids, generations and nonces are base64url or hex: none contains the dot that separates them. */
    private static byte[] mac(byte[] key, String sessionId, String generation, String nonce) {
        return hmac(key, (sessionId + "." + generation + "." + nonce).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
