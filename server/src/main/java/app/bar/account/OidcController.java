package app.bar.account;

import app.bar.platform.secrets.Password;
import app.bar.platform.web.ClientIp;
import app.bar.platform.web.UserAgents;
import app.bar.security.SessionCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sign-in page's view of single sign-on: which providers there are and whether passwords
 * sign in ({@code GET /api/auth/providers}), and the link step
 * ({@code POST /api/auth/oidc/link {password}}) that joins a provider's verified address to the
 * account that has it, once its password is given.
 */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class OidcController {

    private final OidcProviders providers;
    private final OidcSignIn signIn;
    private final LocalLogin localLogin;
    private final SessionCookies cookies;
    private final Clock clock;
    private final String linkCookie;

    OidcController(OidcProviders providers, OidcSignIn signIn, LocalLogin localLogin, SessionCookies cookies, Clock clock,
            @Value("${bar.sessions.cookie-prefix-host:false}") boolean hostPrefix) {
        this.providers = providers;
        this.signIn = signIn;
        this.localLogin = localLogin;
        this.cookies = cookies;
        this.clock = clock;
        this.linkCookie = OidcConfiguration.linkCookieName(hostPrefix);
    }

    /** How one may sign in here. */
    record SignInOptions(boolean localLogin, List<OidcProviders.Button> providers) {
    }

    /** The account's password, and for an account with a second factor its {@code code} or a {@code recoveryCode}. */
    record Link(@NotNull Password password, @Nullable @Size(max = 64) String code,
            @Nullable @Size(max = 64) String recoveryCode) {
    }

    @GetMapping("/providers")
    SignInOptions providers() {
        return new SignInOptions(localLogin.localLoginEnabled(), providers.buttons());
    }

    @PostMapping(path = "/oidc/link", consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthResponses.Session link(@Valid @RequestBody Link request, HttpServletRequest http, HttpServletResponse response) {
        String token = read(http);
        if (token == null) {
            throw new app.bar.platform.error.BarProblem.Invalid(AccountCodes.OIDC_LINK_INVALID, "link",
                    "is not waiting: sign in with your provider again");
        }
        IssuedSession session = signIn.link(token, request.password(), request.code(), request.recoveryCode(),
                UserAgents.device(http.getHeader(HttpHeaders.USER_AGENT)),
                ClientIp.redacted(http));
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(linkCookie, "").path(OidcConfiguration.LINK_PATH)
                .secure(true).httpOnly(true).sameSite("Strict").maxAge(0).build().toString());
        cookies.write(response, session.accessToken(), session.refreshToken(), session.csrfToken(), session.persistentUntil(),
                clock.instant());
        return AuthResponses.Session.of(session);
    }

    private @Nullable String read(HttpServletRequest request) {
        return OidcAuthorizationRequests.cookie(request, linkCookie);
    }
}
